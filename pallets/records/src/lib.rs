//! # Records pallet
//!
//! Record anchoring: the chain keeps the fingerprint of every clinical record the
//! consortium's institutions hold, so that anyone with a document can check it is intact and
//! current, and who anchored it when. The documents themselves never leave the institutions.
//!
//! ## Terms
//!
//! - **Content hash**: SHA-256 of the RFC 8785 canonical JSON of a FHIR resource. It is the
//!   record's identity: a record is stored under its content hash, and the same hash cannot
//!   be anchored twice.
//! - **Record**: an anchored content hash with its provenance: patient, category (FHIR
//!   resource type), institution, author (a staff member), an optional opaque locator, and
//!   the block and time of anchoring.
//! - **Amendment**: a new record that supersedes an earlier one of the same patient and
//!   institution. Records are never deleted or overwritten; each version points to the one
//!   before and the one after, and a superseded record cannot be superseded again.
//! - **Batch**: one Merkle root over many content hashes (see [`merkle`] for the exact tree),
//!   anchored by an institution in one transaction. Any record of the batch is later verified
//!   with its inclusion proof; this is how anchoring scales past the transaction rate.
//!
//! ## How the calls fit together
//!
//! - Staff of an active institution call [`Pallet::anchor_record`] for a registered patient,
//!   and [`Pallet::amend_record`] to anchor a new version that supersedes an old one.
//! - Staff call [`Pallet::anchor_batch`] with a root and its leaf count.
//! - Off-chain systems ask the [`runtime_api::RecordsApi`]: the status of a content hash
//!   (unknown, anchored, or superseded and by what), whether a batch proof holds, and a
//!   patient's or an institution's records, a page at a time.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

pub mod merkle;
pub mod runtime_api;
mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use types::*;
pub use weights::WeightInfo;

/// Log target of this pallet.
pub const LOG_TARGET: &str = "chronicle::records";

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{pallet_prelude::*, traits::Time};
	use frame_system::pallet_prelude::*;
	use pallet_institutions::{InstitutionId, InstitutionMembership};
	use pallet_patients::{PatientId, PatientRegistry};

	/// The chain's time type.
	pub type MomentOf<T> = <<T as Config>::Time as Time>::Moment;

	/// A record as stored.
	pub type RecordOf<T> =
		Record<<T as frame_system::Config>::AccountId, BlockNumberFor<T>, MomentOf<T>>;

	/// A batch as stored.
	pub type BatchOf<T> =
		Batch<<T as frame_system::Config>::AccountId, BlockNumberFor<T>, MomentOf<T>>;

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Who is staff of which active institution.
		type Institutions: InstitutionMembership<Self::AccountId>;

		/// Which patients exist.
		type Patients: PatientRegistry<Self::AccountId>;

		/// The chain's clock, for the time of each anchor.
		type Time: Time;

		/// Most leaves a batch may claim; larger claims are refused as absurd.
		#[pallet::constant]
		type MaxBatchLeaves: Get<u32>;

		/// Most records a runtime API page returns.
		#[pallet::constant]
		type MaxPageSize: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	/// Every anchored record, by content hash.
	#[pallet::storage]
	pub type Records<T: Config> = StorageMap<_, Identity, ContentHash, RecordOf<T>>;

	/// The records of each patient.
	#[pallet::storage]
	pub type PatientRecords<T: Config> =
		StorageDoubleMap<_, Twox64Concat, PatientId, Identity, ContentHash, (), OptionQuery>;

	/// The records each institution anchored.
	#[pallet::storage]
	pub type InstitutionRecords<T: Config> =
		StorageDoubleMap<_, Twox64Concat, InstitutionId, Identity, ContentHash, (), OptionQuery>;

	/// Every anchored batch, by Merkle root.
	#[pallet::storage]
	pub type Batches<T: Config> = StorageMap<_, Identity, BatchRoot, BatchOf<T>>;

	/// The batches each institution anchored.
	#[pallet::storage]
	pub type InstitutionBatches<T: Config> =
		StorageDoubleMap<_, Twox64Concat, InstitutionId, Identity, BatchRoot, (), OptionQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A record was anchored.
		RecordAnchored {
			content_hash: ContentHash,
			patient: PatientId,
			category: Category,
			institution: InstitutionId,
		},
		/// A record was anchored as a new version of an earlier one.
		RecordAmended { content_hash: ContentHash, supersedes: ContentHash, patient: PatientId },
		/// A batch of records was anchored under one Merkle root.
		BatchAnchored { root: BatchRoot, leaf_count: u32, institution: InstitutionId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The caller is not staff of an active institution.
		NotActiveStaff,
		/// No patient has this id.
		UnknownPatient,
		/// This content hash is already anchored; the existing record is stored under it.
		AlreadyAnchored,
		/// The locator is longer than `MAX_LOCATOR_LENGTH` bytes.
		LocatorTooLong,
		/// The record to amend was never anchored.
		UnknownRecord,
		/// The record to amend has already been superseded; amend its latest version.
		AlreadySuperseded,
		/// An amendment must be about the same patient as the record it supersedes.
		DifferentPatient,
		/// Only the institution that anchored a record may amend it.
		NotAuthoringInstitution,
		/// A batch must have at least one leaf.
		EmptyBatch,
		/// A batch may have at most `MaxBatchLeaves` leaves.
		BatchTooLarge,
		/// This Merkle root is already anchored.
		BatchAlreadyAnchored,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Anchor the fingerprint of a patient's clinical record (staff only).
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::anchor_record())]
		pub fn anchor_record(
			origin: OriginFor<T>,
			patient: PatientId,
			content_hash: ContentHash,
			category: Category,
			locator: Option<Vec<u8>>,
		) -> DispatchResult {
			let author = ensure_signed(origin)?;
			let institution = Self::ensure_active_staff(&author)?;
			Self::do_anchor(author, institution, patient, content_hash, category, locator, None)?;
			Self::deposit_event(Event::RecordAnchored {
				content_hash,
				patient,
				category,
				institution,
			});
			Ok(())
		}

		/// Anchor a new version of a record, superseding the latest version `supersedes`
		/// (staff of the institution that anchored it only).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::amend_record())]
		pub fn amend_record(
			origin: OriginFor<T>,
			supersedes: ContentHash,
			content_hash: ContentHash,
			category: Category,
			locator: Option<Vec<u8>>,
		) -> DispatchResult {
			let author = ensure_signed(origin)?;
			let institution = Self::ensure_active_staff(&author)?;
			let mut old = Records::<T>::get(supersedes).ok_or(Error::<T>::UnknownRecord)?;
			ensure!(old.superseded_by.is_none(), Error::<T>::AlreadySuperseded);
			ensure!(old.institution == institution, Error::<T>::NotAuthoringInstitution);
			let patient = old.patient;

			Self::do_anchor(
				author,
				institution,
				patient,
				content_hash,
				category,
				locator,
				Some(supersedes),
			)?;
			old.superseded_by = Some(content_hash);
			Records::<T>::insert(supersedes, old);
			Self::deposit_event(Event::RecordAmended { content_hash, supersedes, patient });
			Ok(())
		}

		/// Anchor a Merkle root over `leaf_count` records' content hashes (staff only).
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::anchor_batch())]
		pub fn anchor_batch(
			origin: OriginFor<T>,
			root: BatchRoot,
			leaf_count: u32,
		) -> DispatchResult {
			let author = ensure_signed(origin)?;
			let institution = Self::ensure_active_staff(&author)?;
			ensure!(leaf_count > 0, Error::<T>::EmptyBatch);
			ensure!(leaf_count <= T::MaxBatchLeaves::get(), Error::<T>::BatchTooLarge);
			ensure!(!Batches::<T>::contains_key(root), Error::<T>::BatchAlreadyAnchored);

			Batches::<T>::insert(
				root,
				Batch {
					institution,
					author,
					leaf_count,
					anchored_at: frame_system::Pallet::<T>::block_number(),
					timestamp: T::Time::now(),
				},
			);
			InstitutionBatches::<T>::insert(institution, root, ());
			log::debug!(target: LOG_TARGET, "batch of {leaf_count} anchored by institution {institution}");
			Self::deposit_event(Event::BatchAnchored { root, leaf_count, institution });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// Stores a new record and indexes it by patient and institution.
		///
		/// LIMITATION: the first anchor of a content hash owns it. Staff who saw another
		/// institution's pending anchor could anchor the same hash first, for another patient;
		/// nothing yet ties an anchor to a care relationship with the patient.
		fn do_anchor(
			author: T::AccountId,
			institution: InstitutionId,
			patient: PatientId,
			content_hash: ContentHash,
			category: Category,
			locator: Option<Vec<u8>>,
			supersedes: Option<ContentHash>,
		) -> DispatchResult {
			ensure!(!Records::<T>::contains_key(content_hash), Error::<T>::AlreadyAnchored);
			ensure!(T::Patients::exists(patient), Error::<T>::UnknownPatient);
			let locator = locator
				.map(|l| BoundedVec::try_from(l).map_err(|_| Error::<T>::LocatorTooLong))
				.transpose()?;

			Records::<T>::insert(
				content_hash,
				Record {
					patient,
					category,
					institution,
					author,
					locator,
					anchored_at: frame_system::Pallet::<T>::block_number(),
					timestamp: T::Time::now(),
					supersedes,
					superseded_by: None,
				},
			);
			PatientRecords::<T>::insert(patient, content_hash, ());
			InstitutionRecords::<T>::insert(institution, content_hash, ());
			Ok(())
		}

		/// The caller's institution, failing unless they are active staff.
		fn ensure_active_staff(who: &T::AccountId) -> Result<InstitutionId, DispatchError> {
			T::Institutions::active_staff(who)
				.map(|(institution, _)| institution)
				.ok_or_else(|| Error::<T>::NotActiveStaff.into())
		}
	}

	impl<T: Config> RecordRegistry<T::AccountId> for Pallet<T> {
		fn patient_and_category(content_hash: &ContentHash) -> Option<(PatientId, Category)> {
			Records::<T>::get(content_hash).map(|record| (record.patient, record.category))
		}

		#[cfg(feature = "runtime-benchmarks")]
		fn benchmark_record(
			author: &T::AccountId,
			institution: InstitutionId,
			patient: PatientId,
			content_hash: ContentHash,
		) {
			Self::do_anchor(
				author.clone(),
				institution,
				patient,
				content_hash,
				Category::Observation,
				None,
				None,
			)
			.expect("benchmark records are new");
		}
	}
}

mod queries {
	use super::*;
	use crate::runtime_api::{BatchProofCheck, RecordStatus};
	use alloc::vec::Vec;
	use frame_support::traits::Get;
	use pallet_institutions::InstitutionId;
	use pallet_patients::PatientId;

	impl<T: Config> Pallet<T> {
		/// Whether `content_hash` is unknown, anchored and current, or superseded.
		pub fn status(content_hash: ContentHash) -> RecordStatus<RecordOf<T>> {
			match Records::<T>::get(content_hash) {
				None => RecordStatus::Unknown,
				Some(record) => match record.superseded_by {
					None => RecordStatus::Anchored(record),
					Some(by) => {
						let latest = Self::latest_version(by);
						RecordStatus::Superseded { record, by, latest }
					},
				},
			}
		}

		/// Follows the amendments from `content_hash` to the newest version.
		fn latest_version(mut content_hash: ContentHash) -> ContentHash {
			// Each step moves to a record anchored later, so the walk ends; the bound only
			// keeps one query's cost in check.
			for _ in 0..1_000 {
				match Records::<T>::get(content_hash).and_then(|r| r.superseded_by) {
					Some(next) => content_hash = next,
					None => break,
				}
			}
			content_hash
		}

		/// Whether `proof` shows `leaf` at `index` in the anchored batch `root`.
		pub fn check_batch_proof(
			root: BatchRoot,
			leaf: ContentHash,
			proof: Vec<[u8; 32]>,
			index: u32,
		) -> BatchProofCheck<BatchOf<T>> {
			match Batches::<T>::get(root) {
				None => BatchProofCheck::UnknownBatch,
				Some(batch) => {
					if merkle::verify(&root, leaf, &proof, index, batch.leaf_count) {
						BatchProofCheck::Included(batch)
					} else {
						BatchProofCheck::NotIncluded
					}
				},
			}
		}

		/// Up to `limit` records of `patient`, in storage order, starting after `start_after`.
		pub fn patient_records(
			patient: PatientId,
			start_after: Option<ContentHash>,
			limit: u32,
		) -> Vec<(ContentHash, RecordOf<T>)> {
			let keys = match start_after {
				Some(after) => PatientRecords::<T>::iter_key_prefix_from(
					patient,
					PatientRecords::<T>::hashed_key_for(patient, after),
				),
				None => PatientRecords::<T>::iter_key_prefix(patient),
			};
			Self::page(keys, limit)
		}

		/// Up to `limit` records anchored by `institution`, in storage order, starting after
		/// `start_after`.
		pub fn institution_records(
			institution: InstitutionId,
			start_after: Option<ContentHash>,
			limit: u32,
		) -> Vec<(ContentHash, RecordOf<T>)> {
			let keys = match start_after {
				Some(after) => InstitutionRecords::<T>::iter_key_prefix_from(
					institution,
					InstitutionRecords::<T>::hashed_key_for(institution, after),
				),
				None => InstitutionRecords::<T>::iter_key_prefix(institution),
			};
			Self::page(keys, limit)
		}

		/// The records of at most a page of `keys`.
		fn page(
			keys: impl Iterator<Item = ContentHash>,
			limit: u32,
		) -> Vec<(ContentHash, RecordOf<T>)> {
			keys.take(limit.min(T::MaxPageSize::get()) as usize)
				.filter_map(|hash| Records::<T>::get(hash).map(|record| (hash, record)))
				.collect()
		}
	}
}
