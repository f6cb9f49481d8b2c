//! # Patients pallet
//!
//! The consortium's patient registry: one pseudonymous entry per person, whichever
//! institution registers them first, so that a second hospital finds the existing patient
//! instead of opening a duplicate file.
//!
//! ## Terms
//!
//! - **Patient**: a person under care, known on chain only by their own key (sr25519, on a
//!   phone or card) and an **identity commitment**.
//! - **Identity commitment**: HMAC-SHA256 of the patient's identifier under the consortium
//!   secret, computed off chain (`scripts/lib/commitment.mjs`). The same person yields the
//!   same commitment at every institution; without the secret it reveals nothing, unlike a
//!   plain hash of an 18-digit ID number, which can be brute-forced.
//! - **Programme**: a chronic-disease management programme (hypertension, type 2 diabetes,
//!   CKD, ...), identified by its ICD-10 category, with the institution that manages it.
//! - **Guardian**: an account (a family member, a contracted family doctor) the patient lets
//!   act for them wherever the patient can, such as granting consent.
//! - **Recovery**: how a lost key is replaced: staff of the registering institution start it
//!   after checking the patient in person; for [`Config::RecoveryDelay`] the old key or a
//!   guardian can cancel it; then staff complete it. Every step is an event.
//!
//! No call takes free text: the only inputs are accounts, 32-byte commitments, ids and codes,
//! so no name or ID number can be stored here.
//!
//! ## How the calls fit together
//!
//! 1. A staff member calls [`Pallet::register_patient`] with the patient's key and
//!    commitment. If the commitment is known, the call fails with
//!    [`Error::AlreadyRegistered`], whose data is the existing patient's id.
//! 2. Staff [`Pallet::enrol`] the patient in programmes their institution will manage, and
//!    [`Pallet::discharge`] them.
//! 3. The patient calls [`Pallet::add_guardian`] and [`Pallet::remove_guardian`].
//! 4. A lost key: [`Pallet::start_recovery`], then [`Pallet::cancel_recovery`] or, once the
//!    delay has passed, [`Pallet::complete_recovery`].
//!
//! Patients and guardians may transact: [`PatientMembers`] extends the runtime's
//! membership gate. Other pallets ask about patients through [`PatientRegistry`].

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

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
pub const LOG_TARGET: &str = "chronicle::patients";

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{pallet_prelude::*, traits::Contains};
	use frame_system::pallet_prelude::*;
	use pallet_institutions::{InstitutionId, InstitutionMembership};

	/// A patient entry as stored.
	pub type PatientOf<T> = Patient<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
		<T as Config>::MaxProgrammes,
		<T as Config>::MaxGuardians,
	>;

	/// A pending recovery as stored.
	pub type RecoveryOf<T> = Recovery<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Who is staff of which active institution.
		type Institutions: InstitutionMembership<Self::AccountId>;

		/// Most programmes one patient can be enrolled in at once.
		#[pallet::constant]
		type MaxProgrammes: Get<u32>;

		/// Most guardians one patient can have.
		#[pallet::constant]
		type MaxGuardians: Get<u32>;

		/// Most patients one account can be guardian of (a family doctor has many).
		#[pallet::constant]
		type MaxWards: Get<u32>;

		/// How long the old key and the guardians have to cancel a key recovery.
		#[pallet::constant]
		type RecoveryDelay: Get<BlockNumberFor<Self>>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	/// The id the next registered patient receives.
	#[pallet::storage]
	pub type NextPatientId<T> = StorageValue<_, PatientId, ValueQuery>;

	/// Every registered patient, by id.
	#[pallet::storage]
	pub type Patients<T: Config> = StorageMap<_, Twox64Concat, PatientId, PatientOf<T>>;

	/// The patient whose key an account is.
	#[pallet::storage]
	pub type PatientByAccount<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, PatientId>;

	/// The patient with a given identity commitment: the registry's deduplication index.
	#[pallet::storage]
	pub type PatientByCommitment<T: Config> =
		StorageMap<_, Identity, IdentityCommitment, PatientId>;

	/// The patients an account is guardian of.
	#[pallet::storage]
	pub type Wards<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<PatientId, T::MaxWards>,
		ValueQuery,
	>;

	/// Key recoveries under way, by patient.
	#[pallet::storage]
	pub type Recoveries<T: Config> = StorageMap<_, Twox64Concat, PatientId, RecoveryOf<T>>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A patient was registered.
		PatientRegistered { patient: PatientId, account: T::AccountId, institution: InstitutionId },
		/// A patient was enrolled in a programme managed by an institution.
		Enrolled { patient: PatientId, programme: Programme, institution: InstitutionId },
		/// A patient was discharged from a programme.
		Discharged { patient: PatientId, programme: Programme, institution: InstitutionId },
		/// A patient named a guardian.
		GuardianAdded { patient: PatientId, guardian: T::AccountId },
		/// A patient removed a guardian.
		GuardianRemoved { patient: PatientId, guardian: T::AccountId },
		/// Staff started replacing a patient's key; it can be cancelled until `executable_at`.
		RecoveryStarted {
			patient: PatientId,
			new_account: T::AccountId,
			started_by: T::AccountId,
			executable_at: BlockNumberFor<T>,
		},
		/// The patient's old key or a guardian cancelled a key recovery.
		RecoveryCancelled { patient: PatientId, cancelled_by: T::AccountId },
		/// A patient's key was replaced.
		RecoveryCompleted {
			patient: PatientId,
			old_account: T::AccountId,
			new_account: T::AccountId,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The caller is not staff of an active institution.
		NotActiveStaff,
		/// The identity commitment is already registered, as the patient in this error's data.
		AlreadyRegistered(ExistingPatient),
		/// The account is already a patient's key.
		AccountIsPatient,
		/// The registry is full (patient ids must fit in 24 bits).
		TooManyPatients,
		/// No patient has this id.
		UnknownPatient,
		/// The patient is already enrolled in this programme.
		AlreadyEnrolled,
		/// The patient is already in `MaxProgrammes` programmes.
		TooManyProgrammes,
		/// The patient is not enrolled in this programme.
		NotEnrolled,
		/// Only staff of the institution that manages the programme may discharge from it.
		NotManagingInstitution,
		/// The caller is not a registered patient.
		NotAPatient,
		/// A patient cannot be their own guardian.
		CannotGuardSelf,
		/// The account is already one of the patient's guardians.
		AlreadyGuardian,
		/// The patient already has `MaxGuardians` guardians.
		TooManyGuardians,
		/// The account is already guardian of `MaxWards` patients.
		TooManyWards,
		/// The account is not one of the patient's guardians.
		NotAGuardian,
		/// Only staff of the institution that registered the patient may recover their key.
		NotRegisteringInstitution,
		/// A recovery for this patient is already under way.
		RecoveryAlreadyStarted,
		/// No recovery for this patient is under way.
		NoRecovery,
		/// Only the patient's current key or a guardian may cancel a recovery.
		NotPatientOrGuardian,
		/// The recovery's delay has not passed yet.
		RecoveryDelayNotPassed,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Register a patient with their key and identity commitment (staff only).
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_patient())]
		pub fn register_patient(
			origin: OriginFor<T>,
			account: T::AccountId,
			commitment: IdentityCommitment,
		) -> DispatchResult {
			let staff = ensure_signed(origin)?;
			let (institution, _) = Self::ensure_active_staff(&staff)?;
			let patient = Self::do_register(account.clone(), commitment, institution)?;
			Self::deposit_event(Event::PatientRegistered { patient, account, institution });
			Ok(())
		}

		/// Enrol a patient in a programme the caller's institution will manage (staff only).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::enrol())]
		pub fn enrol(
			origin: OriginFor<T>,
			patient: PatientId,
			programme: Programme,
		) -> DispatchResult {
			let staff = ensure_signed(origin)?;
			let (institution, _) = Self::ensure_active_staff(&staff)?;
			Patients::<T>::try_mutate(patient, |entry| -> DispatchResult {
				let entry = entry.as_mut().ok_or(Error::<T>::UnknownPatient)?;
				ensure!(
					!entry.enrolments.iter().any(|e| e.programme == programme),
					Error::<T>::AlreadyEnrolled
				);
				let enrolled_at = frame_system::Pallet::<T>::block_number();
				entry
					.enrolments
					.try_push(Enrolment { programme, institution, enrolled_at })
					.map_err(|_| Error::<T>::TooManyProgrammes)?;
				Ok(())
			})?;
			Self::deposit_event(Event::Enrolled { patient, programme, institution });
			Ok(())
		}

		/// Discharge a patient from a programme (staff of the managing institution only).
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::discharge())]
		pub fn discharge(
			origin: OriginFor<T>,
			patient: PatientId,
			programme: Programme,
		) -> DispatchResult {
			let staff = ensure_signed(origin)?;
			let (institution, _) = Self::ensure_active_staff(&staff)?;
			Patients::<T>::try_mutate(patient, |entry| -> DispatchResult {
				let entry = entry.as_mut().ok_or(Error::<T>::UnknownPatient)?;
				let position = entry
					.enrolments
					.iter()
					.position(|e| e.programme == programme)
					.ok_or(Error::<T>::NotEnrolled)?;
				ensure!(
					entry.enrolments[position].institution == institution,
					Error::<T>::NotManagingInstitution
				);
				entry.enrolments.remove(position);
				Ok(())
			})?;
			Self::deposit_event(Event::Discharged { patient, programme, institution });
			Ok(())
		}

		/// Name a guardian who may act for the caller, a patient.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::add_guardian())]
		pub fn add_guardian(origin: OriginFor<T>, guardian: T::AccountId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let patient = PatientByAccount::<T>::get(&who).ok_or(Error::<T>::NotAPatient)?;
			ensure!(guardian != who, Error::<T>::CannotGuardSelf);
			Patients::<T>::try_mutate(patient, |entry| -> DispatchResult {
				let entry = entry.as_mut().ok_or(Error::<T>::UnknownPatient)?;
				ensure!(!entry.guardians.contains(&guardian), Error::<T>::AlreadyGuardian);
				entry
					.guardians
					.try_push(guardian.clone())
					.map_err(|_| Error::<T>::TooManyGuardians)?;
				Ok(())
			})?;
			Wards::<T>::try_mutate(&guardian, |wards| wards.try_push(patient))
				.map_err(|_| Error::<T>::TooManyWards)?;
			frame_system::Pallet::<T>::inc_providers(&guardian);
			Self::deposit_event(Event::GuardianAdded { patient, guardian });
			Ok(())
		}

		/// Remove one of the caller's guardians.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::remove_guardian())]
		pub fn remove_guardian(origin: OriginFor<T>, guardian: T::AccountId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let patient = PatientByAccount::<T>::get(&who).ok_or(Error::<T>::NotAPatient)?;
			Patients::<T>::try_mutate(patient, |entry| -> DispatchResult {
				let entry = entry.as_mut().ok_or(Error::<T>::UnknownPatient)?;
				let position = entry
					.guardians
					.iter()
					.position(|g| *g == guardian)
					.ok_or(Error::<T>::NotAGuardian)?;
				entry.guardians.remove(position);
				Ok(())
			})?;
			Self::drop_ward(&guardian, patient);
			Self::deposit_event(Event::GuardianRemoved { patient, guardian });
			Ok(())
		}

		/// Start replacing a patient's lost key, after checking the patient in person (staff
		/// of the registering institution only). It completes no sooner than
		/// `RecoveryDelay` blocks from now.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::start_recovery())]
		pub fn start_recovery(
			origin: OriginFor<T>,
			patient: PatientId,
			new_account: T::AccountId,
		) -> DispatchResult {
			let staff = ensure_signed(origin)?;
			let (institution, _) = Self::ensure_active_staff(&staff)?;
			let entry = Patients::<T>::get(patient).ok_or(Error::<T>::UnknownPatient)?;
			ensure!(entry.registered_by == institution, Error::<T>::NotRegisteringInstitution);
			ensure!(!Recoveries::<T>::contains_key(patient), Error::<T>::RecoveryAlreadyStarted);
			ensure!(
				!PatientByAccount::<T>::contains_key(&new_account),
				Error::<T>::AccountIsPatient
			);

			let executable_at = frame_system::Pallet::<T>::block_number() + T::RecoveryDelay::get();
			Recoveries::<T>::insert(
				patient,
				Recovery {
					new_account: new_account.clone(),
					started_by: staff.clone(),
					executable_at,
				},
			);
			log::info!(target: LOG_TARGET, "key recovery of patient {patient} started");
			Self::deposit_event(Event::RecoveryStarted {
				patient,
				new_account,
				started_by: staff,
				executable_at,
			});
			Ok(())
		}

		/// Cancel a key recovery: the patient's current key or a guardian only.
		///
		/// LIMITATION: a thief holding the old key, or a hostile guardian, can cancel every
		/// recovery; there is no governance override yet, nor a way to recover a patient whose
		/// registering institution was suspended or expelled.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::cancel_recovery())]
		pub fn cancel_recovery(origin: OriginFor<T>, patient: PatientId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(Recoveries::<T>::contains_key(patient), Error::<T>::NoRecovery);
			ensure!(
				<Self as PatientRegistry<_>>::actor_for(&who, patient).is_some(),
				Error::<T>::NotPatientOrGuardian
			);
			Recoveries::<T>::remove(patient);
			log::info!(target: LOG_TARGET, "key recovery of patient {patient} cancelled");
			Self::deposit_event(Event::RecoveryCancelled { patient, cancelled_by: who });
			Ok(())
		}

		/// Complete a key recovery whose delay has passed (staff of the registering
		/// institution only): the new key replaces the old one.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::complete_recovery())]
		pub fn complete_recovery(origin: OriginFor<T>, patient: PatientId) -> DispatchResult {
			let staff = ensure_signed(origin)?;
			let (institution, _) = Self::ensure_active_staff(&staff)?;
			let recovery = Recoveries::<T>::get(patient).ok_or(Error::<T>::NoRecovery)?;
			let mut entry = Patients::<T>::get(patient).ok_or(Error::<T>::UnknownPatient)?;
			ensure!(entry.registered_by == institution, Error::<T>::NotRegisteringInstitution);
			ensure!(
				frame_system::Pallet::<T>::block_number() >= recovery.executable_at,
				Error::<T>::RecoveryDelayNotPassed
			);
			// The new key may have become another patient's since the recovery started.
			ensure!(
				!PatientByAccount::<T>::contains_key(&recovery.new_account),
				Error::<T>::AccountIsPatient
			);

			let old_account = core::mem::replace(&mut entry.account, recovery.new_account.clone());
			Patients::<T>::insert(patient, entry);
			PatientByAccount::<T>::remove(&old_account);
			PatientByAccount::<T>::insert(&recovery.new_account, patient);
			Recoveries::<T>::remove(patient);
			frame_system::Pallet::<T>::inc_providers(&recovery.new_account);
			let _ = frame_system::Pallet::<T>::dec_providers(&old_account);

			log::info!(target: LOG_TARGET, "key recovery of patient {patient} completed");
			Self::deposit_event(Event::RecoveryCompleted {
				patient,
				old_account,
				new_account: recovery.new_account,
			});
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// Stores a new patient after checking their key and commitment are new.
		pub(crate) fn do_register(
			account: T::AccountId,
			commitment: IdentityCommitment,
			institution: InstitutionId,
		) -> Result<PatientId, DispatchError> {
			if let Some(existing) = PatientByCommitment::<T>::get(commitment) {
				return Err(Error::<T>::AlreadyRegistered(existing.into()).into());
			}
			ensure!(!PatientByAccount::<T>::contains_key(&account), Error::<T>::AccountIsPatient);
			let patient = NextPatientId::<T>::get();
			ensure!(patient <= MAX_PATIENT_ID, Error::<T>::TooManyPatients);

			Patients::<T>::insert(
				patient,
				Patient {
					account: account.clone(),
					commitment,
					registered_by: institution,
					registered_at: frame_system::Pallet::<T>::block_number(),
					enrolments: BoundedVec::new(),
					guardians: BoundedVec::new(),
				},
			);
			PatientByAccount::<T>::insert(&account, patient);
			PatientByCommitment::<T>::insert(commitment, patient);
			NextPatientId::<T>::put(patient + 1);
			frame_system::Pallet::<T>::inc_providers(&account);
			log::debug!(target: LOG_TARGET, "patient {patient} registered by institution {institution}");
			Ok(patient)
		}

		/// The caller's institution and role, failing unless they are active staff.
		fn ensure_active_staff(
			who: &T::AccountId,
		) -> Result<(InstitutionId, pallet_institutions::StaffRole), DispatchError> {
			T::Institutions::active_staff(who).ok_or_else(|| Error::<T>::NotActiveStaff.into())
		}

		/// Forgets that `guardian` guards `patient`, and the provider reference that came with it.
		fn drop_ward(guardian: &T::AccountId, patient: PatientId) {
			Wards::<T>::mutate_exists(guardian, |wards| {
				if let Some(list) = wards {
					list.retain(|p| *p != patient);
					if list.is_empty() {
						*wards = None;
					}
				}
			});
			let _ = frame_system::Pallet::<T>::dec_providers(guardian);
		}
	}

	impl<T: Config> PatientRegistry<T::AccountId> for Pallet<T> {
		fn exists(patient: PatientId) -> bool {
			Patients::<T>::contains_key(patient)
		}

		fn actor_for(who: &T::AccountId, patient: PatientId) -> Option<Actor> {
			if PatientByAccount::<T>::get(who) == Some(patient) {
				Some(Actor::Patient)
			} else if Wards::<T>::get(who).contains(&patient) {
				Some(Actor::Guardian)
			} else {
				None
			}
		}

		#[cfg(feature = "runtime-benchmarks")]
		fn benchmark_patient(account: &T::AccountId, institution: InstitutionId) -> PatientId {
			use sp_runtime::traits::{BlakeTwo256, Hash};
			let commitment = BlakeTwo256::hash(&account.encode()).0;
			Self::do_register(account.clone(), commitment, institution)
				.expect("benchmark patients are new")
		}
	}

	/// Registered patients and their guardians may transact.
	pub struct PatientMembers<T>(PhantomData<T>);

	impl<T: Config> Contains<T::AccountId> for PatientMembers<T> {
		fn contains(who: &T::AccountId) -> bool {
			PatientByAccount::<T>::contains_key(who) || Wards::<T>::contains_key(who)
		}
	}
}

impl<T: Config> Pallet<T> {
	/// The runtime API's view of a patient.
	pub fn info(
		id: PatientId,
	) -> Option<
		runtime_api::PatientInfo<T::AccountId, frame_system::pallet_prelude::BlockNumberFor<T>>,
	> {
		let entry = Patients::<T>::get(id)?;
		Some(runtime_api::PatientInfo {
			id,
			account: entry.account,
			commitment: entry.commitment,
			registered_by: entry.registered_by,
			registered_at: entry.registered_at,
			enrolments: entry.enrolments.into_inner(),
			guardians: entry.guardians.into_inner(),
			recovery: Recoveries::<T>::get(id),
		})
	}
}
