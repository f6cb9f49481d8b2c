//! The runtime API off-chain systems use to look patients up.

use crate::{Actor, Enrolment, IdentityCommitment, PatientId, Recovery};
use alloc::vec::Vec;
use codec::{Codec, Decode, Encode};
use pallet_institutions::InstitutionId;
use scale_info::TypeInfo;

/// A patient entry as the runtime API returns it.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct PatientInfo<AccountId, BlockNumber> {
	/// The patient's id.
	pub id: PatientId,
	/// The patient's current key.
	pub account: AccountId,
	/// The keyed hash of the patient's identifier.
	pub commitment: IdentityCommitment,
	/// The institution that registered the patient.
	pub registered_by: InstitutionId,
	/// When the patient was registered.
	pub registered_at: BlockNumber,
	/// The programmes the patient is enrolled in.
	pub enrolments: Vec<Enrolment<BlockNumber>>,
	/// The patient's guardians.
	pub guardians: Vec<AccountId>,
	/// A key recovery under way, if any.
	pub recovery: Option<Recovery<AccountId, BlockNumber>>,
}

sp_api::decl_runtime_apis! {
	/// Look-ups in the patient registry.
	pub trait PatientsApi<AccountId, BlockNumber>
	where
		AccountId: Codec,
		BlockNumber: Codec,
	{
		/// The patient with this id.
		fn patient(id: PatientId) -> Option<PatientInfo<AccountId, BlockNumber>>;

		/// The patient whose key this account is.
		fn patient_by_account(account: AccountId) -> Option<PatientInfo<AccountId, BlockNumber>>;

		/// The patient registered with this identity commitment: how a second institution
		/// finds an existing patient instead of opening a duplicate file.
		fn patient_by_commitment(
			commitment: IdentityCommitment,
		) -> Option<PatientInfo<AccountId, BlockNumber>>;

		/// Whether `account` may act for `patient`, as the patient or as a guardian.
		fn actor_for(account: AccountId, patient: PatientId) -> Option<Actor>;
	}
}
