//! Domain types of the patient registry. None of them can hold a name, an ID number or any
//! other free text: a patient is an account, a 32-byte commitment and fixed-size codes.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::Get, BoundedVec, PalletError};
use pallet_institutions::InstitutionId;
use scale_info::TypeInfo;

/// Identifier of a patient, assigned in order of registration, starting at 0.
pub type PatientId = u32;

/// Patient ids stay below 2^24, so that an error can name a patient in its three data bytes.
pub const MAX_PATIENT_ID: PatientId = (1 << 24) - 1;

/// A keyed hash (HMAC-SHA256 with the consortium secret) of a patient's identifier.
///
/// The same person gives the same commitment at every institution, yet the identifier cannot
/// be recovered from it without the secret. See `scripts/lib/commitment.mjs`.
pub type IdentityCommitment = [u8; 32];

/// A patient named inside an error: the id as three little-endian bytes.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	PalletError,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub struct ExistingPatient(pub [u8; 3]);

impl From<PatientId> for ExistingPatient {
	fn from(id: PatientId) -> Self {
		let [a, b, c, _] = id.to_le_bytes();
		Self([a, b, c])
	}
}

impl From<ExistingPatient> for PatientId {
	fn from(existing: ExistingPatient) -> Self {
		let [a, b, c] = existing.0;
		PatientId::from_le_bytes([a, b, c, 0])
	}
}

/// A chronic-disease management programme, identified by its ICD-10 category.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	frame_support::Serialize,
	frame_support::Deserialize,
)]
#[serde(crate = "frame_support::__private::serde")]
pub enum Programme {
	/// Hypertensive diseases, ICD-10 I10–I15.
	Hypertension,
	/// Type 2 diabetes mellitus, ICD-10 E11.
	Type2Diabetes,
	/// Chronic kidney disease, ICD-10 N18.
	ChronicKidneyDisease,
	/// Chronic ischaemic heart disease, ICD-10 I25.
	CoronaryHeartDisease,
	/// Heart failure, ICD-10 I50.
	HeartFailure,
	/// Chronic obstructive pulmonary disease, ICD-10 J44.
	Copd,
	/// Follow-up after stroke, ICD-10 I63–I64 and I69.
	Stroke,
}

impl Programme {
	/// The ICD-10 category (or range) that defines the programme.
	pub fn icd10(&self) -> &'static str {
		match self {
			Self::Hypertension => "I10-I15",
			Self::Type2Diabetes => "E11",
			Self::ChronicKidneyDisease => "N18",
			Self::CoronaryHeartDisease => "I25",
			Self::HeartFailure => "I50",
			Self::Copd => "J44",
			Self::Stroke => "I63-I64,I69",
		}
	}
}

/// A patient's enrolment in a programme, and the institution that manages it.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct Enrolment<BlockNumber> {
	/// The programme.
	pub programme: Programme,
	/// The institution whose staff manage the patient in it.
	pub institution: InstitutionId,
	/// When the patient was enrolled.
	pub enrolled_at: BlockNumber,
}

/// A registered patient. Pseudonymous: nothing here identifies a person without the
/// consortium secret and the institutions' own records.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
#[scale_info(skip_type_params(MaxProgrammes, MaxGuardians))]
pub struct Patient<AccountId, BlockNumber, MaxProgrammes: Get<u32>, MaxGuardians: Get<u32>> {
	/// The patient's own key (on a phone or card).
	pub account: AccountId,
	/// The keyed hash of the patient's identifier.
	pub commitment: IdentityCommitment,
	/// The institution that registered the patient (and alone may start a key recovery).
	pub registered_by: InstitutionId,
	/// When the patient was registered.
	pub registered_at: BlockNumber,
	/// The programmes the patient is enrolled in.
	pub enrolments: BoundedVec<Enrolment<BlockNumber>, MaxProgrammes>,
	/// Family members or a contracted family doctor who may act for the patient.
	pub guardians: BoundedVec<AccountId, MaxGuardians>,
}

/// A key recovery under way: the new key replaces the old one at `executable_at` unless the
/// old key or a guardian cancels it first.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct Recovery<AccountId, BlockNumber> {
	/// The key that will replace the patient's current one.
	pub new_account: AccountId,
	/// The staff member who checked the patient in person and started the recovery.
	pub started_by: AccountId,
	/// The first block at which the recovery may be completed.
	pub executable_at: BlockNumber,
}

/// Who is acting for a patient.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub enum Actor {
	/// The patient, with their own key.
	Patient,
	/// One of the patient's guardians.
	Guardian,
}

/// What other pallets (consent) may ask about patients.
pub trait PatientRegistry<AccountId> {
	/// Whether the patient exists.
	fn exists(patient: PatientId) -> bool;

	/// Whether `who` may act for `patient`, and as whom.
	fn actor_for(who: &AccountId, patient: PatientId) -> Option<Actor>;

	/// Registers a patient directly, for other pallets' benchmarks and tests.
	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_patient(account: &AccountId, institution: InstitutionId) -> PatientId;
}
