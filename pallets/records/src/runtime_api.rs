//! The runtime API off-chain systems use to check records against the chain.

use crate::{BatchRoot, ContentHash};
use alloc::vec::Vec;
use codec::{Codec, Decode, Encode};
use pallet_institutions::InstitutionId;
use pallet_patients::PatientId;
use scale_info::TypeInfo;

/// What the chain knows of a content hash.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub enum RecordStatus<Record> {
	/// Never anchored: the document was altered, or never registered.
	Unknown,
	/// Anchored, and the latest version.
	Anchored(Record),
	/// Anchored, but amended: `by` is the next version, `latest` the newest.
	Superseded {
		/// The record as anchored.
		record: Record,
		/// The version that superseded it.
		by: ContentHash,
		/// The newest version in the chain of amendments.
		latest: ContentHash,
	},
}

/// The outcome of checking a batch inclusion proof.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub enum BatchProofCheck<Batch> {
	/// No batch with this root was anchored.
	UnknownBatch,
	/// The batch exists, but the proof does not show the leaf in it.
	NotIncluded,
	/// The leaf is in the batch, anchored as described.
	Included(Batch),
}

sp_api::decl_runtime_apis! {
	/// Checks of clinical records against their anchors.
	pub trait RecordsApi<Record, Batch>
	where
		Record: Codec,
		Batch: Codec,
	{
		/// Whether this content hash is unknown, anchored, or superseded (and by what).
		fn record_status(content_hash: ContentHash) -> RecordStatus<Record>;

		/// Whether `proof` shows `leaf` at `index` in the anchored batch with `root`.
		fn verify_batch_proof(
			root: BatchRoot,
			leaf: ContentHash,
			proof: Vec<[u8; 32]>,
			index: u32,
		) -> BatchProofCheck<Batch>;

		/// Up to `limit` of a patient's records, continuing after `start_after`.
		fn patient_records(
			patient: PatientId,
			start_after: Option<ContentHash>,
			limit: u32,
		) -> Vec<(ContentHash, Record)>;

		/// Up to `limit` of an institution's records, continuing after `start_after`.
		fn institution_records(
			institution: InstitutionId,
			start_after: Option<ContentHash>,
			limit: u32,
		) -> Vec<(ContentHash, Record)>;
	}
}
