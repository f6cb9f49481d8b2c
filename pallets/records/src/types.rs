//! Domain types of record anchoring.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use pallet_institutions::InstitutionId;
use pallet_patients::PatientId;
use scale_info::TypeInfo;

/// SHA-256 of the RFC 8785 canonical JSON of a FHIR resource: a record's fingerprint, and
/// the key it is stored under.
pub type ContentHash = [u8; 32];

/// The root of a batch's Merkle tree (see [`crate::merkle`]).
pub type BatchRoot = [u8; 32];

/// Longest off-chain locator, in bytes: room for a URL or an identifier, not for content.
pub const MAX_LOCATOR_LENGTH: u32 = 128;

/// Where an institution keeps a document, as an opaque reference.
pub type Locator = BoundedVec<u8, ConstU32<MAX_LOCATOR_LENGTH>>;

/// The kind of clinical record, after the FHIR resource type.
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
pub enum Category {
	/// Vital signs and laboratory results.
	Observation,
	/// Diagnoses and problems.
	Condition,
	/// Prescriptions.
	MedicationRequest,
	/// Medication the patient reports taking.
	MedicationStatement,
	/// Visits.
	Encounter,
	/// Laboratory and imaging reports.
	DiagnosticReport,
	/// Care and follow-up plans.
	CarePlan,
	/// Allergies and intolerances.
	AllergyIntolerance,
	/// Procedures performed.
	Procedure,
	/// Vaccinations.
	Immunization,
	/// Other clinical documents (discharge summaries, referral letters).
	DocumentReference,
}

/// An anchored record: where a fingerprint came from, and what became of it.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct Record<AccountId, BlockNumber, Moment> {
	/// The patient the record is about.
	pub patient: PatientId,
	/// What kind of record it is.
	pub category: Category,
	/// The institution that holds the record.
	pub institution: InstitutionId,
	/// The staff member who anchored it.
	pub author: AccountId,
	/// Where the institution keeps the document, as an opaque reference (never content).
	pub locator: Option<Locator>,
	/// The block that anchored it.
	pub anchored_at: BlockNumber,
	/// The chain's time at that block, in milliseconds since the Unix epoch.
	pub timestamp: Moment,
	/// The earlier version this record amends, if any.
	pub supersedes: Option<ContentHash>,
	/// The later version that amends this one, if any.
	pub superseded_by: Option<ContentHash>,
}

/// A batch anchor: a Merkle root over many records' content hashes.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct Batch<AccountId, BlockNumber, Moment> {
	/// The institution that anchored it.
	pub institution: InstitutionId,
	/// The staff member who anchored it.
	pub author: AccountId,
	/// How many record hashes the tree has as leaves.
	pub leaf_count: u32,
	/// The block that anchored it.
	pub anchored_at: BlockNumber,
	/// The chain's time at that block, in milliseconds since the Unix epoch.
	pub timestamp: Moment,
}

/// What other pallets (consent) may ask about anchored records.
pub trait RecordRegistry<AccountId> {
	/// The patient and category of an anchored record.
	fn patient_and_category(content_hash: &ContentHash) -> Option<(PatientId, Category)>;

	/// Anchors a record directly, for other pallets' benchmarks and tests.
	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_record(
		author: &AccountId,
		institution: InstitutionId,
		patient: PatientId,
		content_hash: ContentHash,
	);
}
