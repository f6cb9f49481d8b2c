//! Domain types of the institutions pallet.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{BoundedVec, Deserialize, Serialize};
use scale_info::TypeInfo;

/// Identifier of an institution, assigned in order of admission, starting at 0.
pub type InstitutionId = u32;

/// What kind of body an institution is.
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
	Serialize,
	Deserialize,
)]
#[serde(crate = "frame_support::__private::serde")]
pub enum InstitutionKind {
	/// A county general hospital.
	GeneralHospital,
	/// A hospital of traditional Chinese medicine.
	TcmHospital,
	/// A community (township) health centre.
	CommunityHealthCentre,
	/// A village health station.
	HealthStation,
	/// A health insurer (reads records only for claims it is granted).
	Insurer,
	/// A research body (reads records only under research grants).
	ResearchBody,
}

/// Where an institution stands with the consortium.
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
pub enum InstitutionStatus {
	/// A member in good standing: its admin and staff may act.
	Active,
	/// Temporarily barred: its admin and staff can do nothing until reinstated.
	Suspended,
	/// Removed for good: its accounts are released and it cannot be reinstated.
	Expelled,
}

/// The role of a staff member within their institution.
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
	Serialize,
	Deserialize,
)]
#[serde(crate = "frame_support::__private::serde")]
pub enum StaffRole {
	/// A physician; the only role allowed emergency access.
	Doctor,
	/// A nurse.
	Nurse,
	/// A pharmacist.
	Pharmacist,
	/// A clerk who registers patients and files records on behalf of clinicians.
	Clerk,
}

/// How an account belongs to an institution.
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
pub enum Role {
	/// The institution's one administrator, who manages its staff.
	Admin,
	/// A member of staff in the given role.
	Staff(StaffRole),
	/// The account that runs one of the institution's validator nodes.
	Validator,
}

/// The link from an account to the one institution it belongs to.
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
pub struct Affiliation {
	/// The institution the account belongs to.
	pub institution: InstitutionId,
	/// What the account does there.
	pub role: Role,
}

/// A consortium member institution.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
#[scale_info(skip_type_params(MaxName))]
pub struct Institution<AccountId, BlockNumber, MaxName: frame_support::traits::Get<u32>> {
	/// What kind of body it is.
	pub kind: InstitutionKind,
	/// Its public name, UTF-8 (a public body's name is not personal data).
	pub name: BoundedVec<u8, MaxName>,
	/// The account that manages its staff.
	pub admin: AccountId,
	/// Whether it may act.
	pub status: InstitutionStatus,
	/// How many staff accounts it has (the admin and validators not counted).
	pub staff_count: u32,
	/// How many validator nodes it runs.
	pub validator_count: u32,
	/// The block at which governance admitted it.
	pub admitted_at: BlockNumber,
}

/// What other pallets may ask about consortium membership, without reading this pallet's storage.
pub trait InstitutionMembership<AccountId> {
	/// The institution and role of `who` if `who` is staff of an active institution.
	fn active_staff(who: &AccountId) -> Option<(InstitutionId, StaffRole)>;

	/// The institution `who` administers, if it is active.
	fn active_admin(who: &AccountId) -> Option<InstitutionId>;

	/// Whether the institution exists and is active.
	fn is_active(institution: InstitutionId) -> bool;

	/// Whether the institution was ever admitted (whatever its status now).
	fn exists(institution: InstitutionId) -> bool;

	/// Creates an active institution with `admin` and one staff member, for other pallets'
	/// benchmarks and tests.
	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_institution(
		admin: &AccountId,
		staff: &AccountId,
		role: StaffRole,
	) -> InstitutionId;
}
