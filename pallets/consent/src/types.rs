//! Domain types of consent and the access audit trail.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use pallet_institutions::InstitutionId;
use pallet_patients::{Actor, PatientId};
use pallet_records::{Category, ContentHash};
use scale_info::TypeInfo;

/// Identifier of a grant, in order of creation.
pub type GrantId = u32;

/// Identifier of a referral, in order of request.
pub type ReferralId = u32;

/// Position of an entry in a patient's access log, from 0.
pub type AccessIndex = u32;

/// Most record categories a grant's scope lists (there are eleven).
pub const MAX_SCOPE_CATEGORIES: u32 = 16;

/// Most records one access log entry names.
pub const MAX_RECORDS_PER_ACCESS: u32 = 16;

/// Why a grantee may read.
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
pub enum Purpose {
	/// Care of the patient by the grantee.
	Treatment,
	/// Care after a referral from another institution.
	Referral,
	/// Research; only an explicit research grant covers it.
	Research,
	/// Settling an insurance claim.
	InsuranceClaim,
}

impl Purpose {
	/// Whether a grant for `self` covers a read for `purpose`: a referral grant also covers
	/// treatment by the receiving institution; otherwise the purposes must match.
	pub fn covers(self, purpose: Purpose) -> bool {
		self == purpose || (self == Purpose::Referral && purpose == Purpose::Treatment)
	}
}

/// Which record categories a grant covers.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub enum Scope {
	/// Every category.
	All,
	/// Only these categories.
	Categories(BoundedVec<Category, ConstU32<MAX_SCOPE_CATEGORIES>>),
}

impl Scope {
	/// Whether the scope includes `category`.
	pub fn includes(&self, category: Category) -> bool {
		match self {
			Scope::All => true,
			Scope::Categories(categories) => categories.contains(&category),
		}
	}
}

/// Who a grant lets read.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub enum Grantee<AccountId> {
	/// Any active staff member of the institution.
	Institution(InstitutionId),
	/// One staff member only (not their colleagues).
	Staff(AccountId),
}

/// A patient's consent to a grantee reading their records.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct Grant<AccountId, Moment> {
	/// The patient whose records may be read.
	pub patient: PatientId,
	/// Who may read them.
	pub grantee: Grantee<AccountId>,
	/// For what.
	pub purpose: Purpose,
	/// Which categories.
	pub scope: Scope,
	/// When the grant starts to hold (milliseconds since the Unix epoch).
	pub start: Moment,
	/// When it stops holding: it holds while `start <= now < end`.
	pub end: Moment,
	/// The account that signed it: the patient or a guardian.
	pub granted_by: AccountId,
	/// Whether the patient or a guardian signed it.
	pub granted_as: Actor,
	/// When it was revoked, if it was.
	pub revoked_at: Option<Moment>,
}

impl<AccountId, Moment: PartialOrd + Copy> Grant<AccountId, Moment> {
	/// Whether the grant holds at `now`.
	pub fn holds_at(&self, now: Moment) -> bool {
		self.revoked_at.is_none() && self.start <= now && now < self.end
	}

	/// Whether the grant can never hold again after `now`.
	pub fn is_over(&self, now: Moment) -> bool {
		self.revoked_at.is_some() || self.end <= now
	}
}

/// Where a referral stands.
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
pub enum ReferralStatus {
	/// Waiting for the patient or a guardian.
	Pending,
	/// Approved: the grant it created.
	Approved(GrantId),
	/// Declined by the patient or a guardian.
	Declined,
}

/// An institution's request to refer a patient to another institution.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct Referral<AccountId, Moment> {
	/// The patient to refer.
	pub patient: PatientId,
	/// The referring institution.
	pub from: InstitutionId,
	/// The institution the patient is referred to, which the approved grant names.
	pub to: InstitutionId,
	/// The staff member who asked.
	pub requested_by: AccountId,
	/// The categories the receiving institution would read.
	pub scope: Scope,
	/// How long the grant would hold once approved, in milliseconds.
	pub duration: Moment,
	/// Where it stands.
	pub status: ReferralStatus,
}

/// What a read was of.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub enum AccessTarget {
	/// Every record of one category.
	Category(Category),
	/// These records.
	Records(BoundedVec<ContentHash, ConstU32<MAX_RECORDS_PER_ACCESS>>),
}

/// Why a doctor needed emergency access, as a code.
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
pub enum EmergencyReason {
	/// The patient is unconscious or cannot communicate.
	PatientUnresponsive,
	/// A life-threatening condition needs the history now.
	LifeThreatening,
	/// The patient arrived without a grant and needs urgent care.
	UrgentCareNoGrant,
}

/// The bureau's finding on an emergency access.
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
pub enum ReviewVerdict {
	/// The emergency justified the access.
	Justified,
	/// It did not; the bureau follows up with the institution.
	Unjustified,
}

/// How a logged read was allowed.
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
pub enum Authority {
	/// Under this grant.
	Grant(GrantId),
	/// Break-glass emergency access, and the bureau's review of it.
	Emergency { reason: EmergencyReason, review: Option<ReviewVerdict> },
}

/// One entry of a patient's access log.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct AccessEntry<AccountId, BlockNumber, Moment> {
	/// The staff member who read.
	pub accessor: AccountId,
	/// Their institution.
	pub institution: InstitutionId,
	/// For what.
	pub purpose: Purpose,
	/// What was read.
	pub target: AccessTarget,
	/// What allowed it.
	pub authority: Authority,
	/// The block of the read.
	pub block: BlockNumber,
	/// The chain's time of the read.
	pub timestamp: Moment,
}

/// The answer to "may this account read this patient's records of this category for this
/// purpose now".
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
pub enum AccessDecision {
	/// Yes, under this grant.
	Allowed(GrantId),
	/// No: the account is not active staff of an active institution.
	NotActiveStaff,
	/// No: no grant holding now covers it.
	NoGrant,
}
