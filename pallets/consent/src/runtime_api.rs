//! The runtime API off-chain systems use to ask about consent and the audit trail.

use crate::{AccessDecision, AccessIndex, GrantId, Purpose, ReferralId};
use alloc::vec::Vec;
use codec::Codec;
use pallet_patients::PatientId;
use pallet_records::Category;

sp_api::decl_runtime_apis! {
	/// Questions about consent and access, as of the block queried.
	pub trait ConsentApi<AccountId, Grant, Referral, AccessEntry>
	where
		AccountId: Codec,
		Grant: Codec,
		Referral: Codec,
		AccessEntry: Codec,
	{
		/// May `account` read `patient`'s records of `category` for `purpose` now, and under
		/// which grant.
		fn may_access(
			account: AccountId,
			patient: PatientId,
			category: Category,
			purpose: Purpose,
		) -> AccessDecision;

		/// Up to `limit` of a patient's grants (all of them, revoked and expired included),
		/// continuing after `start_after`.
		fn patient_grants(
			patient: PatientId,
			start_after: Option<GrantId>,
			limit: u32,
		) -> Vec<(GrantId, Grant)>;

		/// Up to `limit` entries of a patient's access log, from index `from`.
		fn access_log(patient: PatientId, from: AccessIndex, limit: u32) -> Vec<(AccessIndex, AccessEntry)>;

		/// A patient's referrals awaiting an answer.
		fn pending_referrals(patient: PatientId) -> Vec<(ReferralId, Referral)>;

		/// Up to `limit` emergency accesses awaiting the bureau's review, after `start_after`.
		fn pending_reviews(
			start_after: Option<(PatientId, AccessIndex)>,
			limit: u32,
		) -> Vec<(PatientId, AccessIndex, AccessEntry)>;
	}
}
