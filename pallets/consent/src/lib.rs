//! # Consent pallet
//!
//! The patient, not the hospital, decides who may read their history; every read is logged
//! on chain against the grant that allowed it, and a read without one is refused.
//!
//! ## Terms
//!
//! - **Grant**: a patient's (or guardian's) consent that a **grantee** (an institution, or one
//!   staff member only) may read their records for a **purpose** (treatment, referral,
//!   research, insurance claim) within a **scope** (all categories, or some) while
//!   `start <= now < end`. Revoked at any time by the patient or a guardian, effective at once;
//!   it expires by itself when its end passes.
//! - **Referral**: an institution asks to refer a patient to another institution; the patient
//!   (or a guardian) approves it, which creates a referral grant for the receiving institution,
//!   or declines it. A referral grant covers treatment there too; a research read needs a
//!   research grant, and nothing else covers it.
//! - **Access log**: each patient's numbered list of every read of their records: who, from
//!   which institution, what, for which purpose, under which grant. Staff log a read with
//!   [`Pallet::log_access`], which the chain refuses with [`Error::NoValidGrant`] unless a
//!   grant holding now covers it.
//! - **Emergency access** ("break glass"): a doctor may read without a grant, with a reason
//!   code. It is logged as emergency, counted against [`Config::MaxEmergencyAccesses`] per
//!   doctor per [`Config::EmergencyWindow`], flagged for the health bureau's review, and
//!   visible to the patient in their log. The bureau records its verdict with
//!   [`Pallet::review_emergency`].
//!
//! Off-chain systems ask [`runtime_api::ConsentApi`]: may this account read this patient's
//! records of this category for this purpose now, and under which grant; a patient's grants
//! and access log, a page at a time; and the emergency accesses awaiting review.

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
pub const LOG_TARGET: &str = "chronicle::consent";

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{pallet_prelude::*, traits::Time};
	use frame_system::pallet_prelude::*;
	use pallet_institutions::{InstitutionId, InstitutionMembership, StaffRole};
	use pallet_patients::{Actor, PatientId, PatientRegistry};
	use pallet_records::{Category, RecordRegistry};
	use sp_runtime::{traits::Zero, Saturating};

	/// The chain's time type.
	pub type MomentOf<T> = <<T as Config>::Time as Time>::Moment;
	/// A grant as stored.
	pub type GrantOf<T> = Grant<<T as frame_system::Config>::AccountId, MomentOf<T>>;
	/// A referral as stored.
	pub type ReferralOf<T> = Referral<<T as frame_system::Config>::AccountId, MomentOf<T>>;
	/// An access log entry as stored.
	pub type AccessEntryOf<T> =
		AccessEntry<<T as frame_system::Config>::AccountId, BlockNumberFor<T>, MomentOf<T>>;

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Who is staff of which active institution, in which role.
		type Institutions: InstitutionMembership<Self::AccountId>;

		/// Which patients exist, and who may act for them.
		type Patients: PatientRegistry<Self::AccountId>;

		/// Which records exist, of which patient and category.
		type Records: RecordRegistry<Self::AccountId>;

		/// The chain's clock: grants start and end at times, not blocks.
		type Time: Time;

		/// The origin that reviews emergency accesses (the bureau's motions).
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Most grants one patient can have that hold now or will.
		#[pallet::constant]
		type MaxActiveGrants: Get<u32>;

		/// Most referrals of one patient that can await an answer.
		#[pallet::constant]
		type MaxPendingReferrals: Get<u32>;

		/// Most emergency accesses one doctor may make per window.
		#[pallet::constant]
		type MaxEmergencyAccesses: Get<u32>;

		/// The window, in blocks, over which emergency accesses are counted.
		#[pallet::constant]
		type EmergencyWindow: Get<BlockNumberFor<Self>>;

		/// Most items a runtime API page returns.
		#[pallet::constant]
		type MaxPageSize: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	/// The id the next grant receives.
	#[pallet::storage]
	pub type NextGrantId<T> = StorageValue<_, GrantId, ValueQuery>;

	/// Every grant ever made, by id; revoked and expired grants stay for the audit trail.
	#[pallet::storage]
	pub type Grants<T: Config> = StorageMap<_, Twox64Concat, GrantId, GrantOf<T>>;

	/// Each patient's grants that hold now or will, checked when a read is logged.
	#[pallet::storage]
	pub type ActiveGrants<T: Config> =
		StorageMap<_, Twox64Concat, PatientId, BoundedVec<GrantId, T::MaxActiveGrants>, ValueQuery>;

	/// Every grant of each patient, for the patient's view.
	#[pallet::storage]
	pub type PatientGrants<T: Config> =
		StorageDoubleMap<_, Twox64Concat, PatientId, Twox64Concat, GrantId, (), OptionQuery>;

	/// The id the next referral receives.
	#[pallet::storage]
	pub type NextReferralId<T> = StorageValue<_, ReferralId, ValueQuery>;

	/// Every referral, by id.
	#[pallet::storage]
	pub type Referrals<T: Config> = StorageMap<_, Twox64Concat, ReferralId, ReferralOf<T>>;

	/// Each patient's referrals awaiting an answer.
	#[pallet::storage]
	pub type PendingReferrals<T: Config> = StorageMap<
		_,
		Twox64Concat,
		PatientId,
		BoundedVec<ReferralId, T::MaxPendingReferrals>,
		ValueQuery,
	>;

	/// How many entries each patient's access log has.
	#[pallet::storage]
	pub type AccessLogLength<T> = StorageMap<_, Twox64Concat, PatientId, AccessIndex, ValueQuery>;

	/// Each patient's access log.
	#[pallet::storage]
	pub type AccessLog<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		PatientId,
		Twox64Concat,
		AccessIndex,
		AccessEntryOf<T>,
		OptionQuery,
	>;

	/// Emergency accesses of each doctor in the current window: `(window, count)`.
	#[pallet::storage]
	pub type EmergencyAccesses<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, (BlockNumberFor<T>, u32), OptionQuery>;

	/// Emergency accesses the bureau has not reviewed yet.
	#[pallet::storage]
	pub type PendingReviews<T> =
		StorageDoubleMap<_, Twox64Concat, PatientId, Twox64Concat, AccessIndex, (), OptionQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A patient or guardian granted access.
		GrantCreated {
			grant: GrantId,
			patient: PatientId,
			grantee: Grantee<T::AccountId>,
			purpose: Purpose,
			granted_by: T::AccountId,
		},
		/// A patient or guardian revoked a grant; it stopped holding at once.
		GrantRevoked { grant: GrantId, patient: PatientId, revoked_by: T::AccountId },
		/// An institution asked to refer a patient to another.
		ReferralRequested {
			referral: ReferralId,
			patient: PatientId,
			from: InstitutionId,
			to: InstitutionId,
		},
		/// The patient or a guardian approved a referral, creating a grant.
		ReferralApproved { referral: ReferralId, grant: GrantId },
		/// The patient or a guardian declined a referral.
		ReferralDeclined { referral: ReferralId },
		/// A read of a patient's records was logged under a grant.
		AccessLogged {
			patient: PatientId,
			index: AccessIndex,
			accessor: T::AccountId,
			grant: GrantId,
		},
		/// A doctor read a patient's records without a grant; the bureau will review it.
		EmergencyAccessed {
			patient: PatientId,
			index: AccessIndex,
			doctor: T::AccountId,
			reason: EmergencyReason,
		},
		/// The bureau reviewed an emergency access.
		EmergencyReviewed { patient: PatientId, index: AccessIndex, verdict: ReviewVerdict },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// Only the patient or one of their guardians may do this.
		NotPatientOrGuardian,
		/// No patient has this id.
		UnknownPatient,
		/// A grant must end after it starts, and after now.
		InvalidPeriod,
		/// A scope that lists categories must list at least one.
		EmptyScope,
		/// The grantee institution does not exist or is not active.
		InstitutionNotActive,
		/// The grantee account is not staff of an active institution.
		GranteeNotStaff,
		/// The patient already has `MaxActiveGrants` grants that hold now or will.
		TooManyGrants,
		/// No grant has this id.
		UnknownGrant,
		/// The grant was already revoked.
		AlreadyRevoked,
		/// The caller is not staff of an active institution.
		NotActiveStaff,
		/// A patient cannot be referred to the institution that refers them.
		SameInstitution,
		/// A referral must last some time.
		ZeroDuration,
		/// The patient already has `MaxPendingReferrals` referrals awaiting an answer.
		TooManyPendingReferrals,
		/// No referral has this id.
		UnknownReferral,
		/// The referral was already approved or declined.
		ReferralNotPending,
		/// A read must name a category or at least one record.
		NothingAccessed,
		/// A named record was never anchored.
		UnknownRecord,
		/// A named record belongs to another patient.
		RecordOfAnotherPatient,
		/// No grant holding now covers this read: the caller, purpose or category is not
		/// granted, or the grant was revoked or has expired.
		NoValidGrant,
		/// Only doctors may use emergency access.
		NotADoctor,
		/// The doctor has used all `MaxEmergencyAccesses` of the current window.
		EmergencyLimitReached,
		/// That access log entry is not an emergency access awaiting review.
		NotPendingReview,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Grant `grantee` access to `patient`'s records for `purpose` within `scope`, from
		/// `start` (now if `None`) until `end` (patient or guardian only).
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::grant())]
		pub fn grant(
			origin: OriginFor<T>,
			patient: PatientId,
			grantee: Grantee<T::AccountId>,
			purpose: Purpose,
			scope: Scope,
			start: Option<MomentOf<T>>,
			end: MomentOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let actor = Self::ensure_patient_or_guardian(&who, patient)?;
			match &grantee {
				Grantee::Institution(id) => {
					ensure!(T::Institutions::is_active(*id), Error::<T>::InstitutionNotActive)
				},
				Grantee::Staff(account) => ensure!(
					T::Institutions::active_staff(account).is_some(),
					Error::<T>::GranteeNotStaff
				),
			}
			let start = start.unwrap_or_else(T::Time::now);
			let grant = Self::do_grant(
				who.clone(),
				actor,
				patient,
				grantee.clone(),
				purpose,
				scope,
				start,
				end,
			)?;
			Self::deposit_event(Event::GrantCreated {
				grant,
				patient,
				grantee,
				purpose,
				granted_by: who,
			});
			Ok(())
		}

		/// Revoke a grant, effective at once (the patient or a guardian only).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::revoke())]
		pub fn revoke(origin: OriginFor<T>, grant: GrantId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut entry = Grants::<T>::get(grant).ok_or(Error::<T>::UnknownGrant)?;
			let patient = entry.patient;
			Self::ensure_patient_or_guardian(&who, patient)?;
			ensure!(entry.revoked_at.is_none(), Error::<T>::AlreadyRevoked);

			entry.revoked_at = Some(T::Time::now());
			Grants::<T>::insert(grant, entry);
			ActiveGrants::<T>::mutate(patient, |grants| grants.retain(|id| *id != grant));
			Self::deposit_event(Event::GrantRevoked { grant, patient, revoked_by: who });
			Ok(())
		}

		/// Ask the patient to let `to` read their records within `scope` for `duration`
		/// milliseconds after approval (staff of the referring institution).
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::request_referral())]
		pub fn request_referral(
			origin: OriginFor<T>,
			patient: PatientId,
			to: InstitutionId,
			scope: Scope,
			duration: MomentOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let (from, _) =
				T::Institutions::active_staff(&who).ok_or(Error::<T>::NotActiveStaff)?;
			ensure!(T::Patients::exists(patient), Error::<T>::UnknownPatient);
			ensure!(from != to, Error::<T>::SameInstitution);
			ensure!(T::Institutions::is_active(to), Error::<T>::InstitutionNotActive);
			ensure!(!duration.is_zero(), Error::<T>::ZeroDuration);
			Self::ensure_scope_not_empty(&scope)?;

			let referral = NextReferralId::<T>::get();
			PendingReferrals::<T>::try_mutate(patient, |pending| pending.try_push(referral))
				.map_err(|_| Error::<T>::TooManyPendingReferrals)?;
			Referrals::<T>::insert(
				referral,
				Referral {
					patient,
					from,
					to,
					requested_by: who,
					scope,
					duration,
					status: ReferralStatus::Pending,
				},
			);
			NextReferralId::<T>::put(referral.saturating_add(1));
			Self::deposit_event(Event::ReferralRequested { referral, patient, from, to });
			Ok(())
		}

		/// Approve a referral: the receiving institution gets a referral grant from now for
		/// the requested duration (the patient or a guardian only).
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::approve_referral())]
		pub fn approve_referral(origin: OriginFor<T>, referral: ReferralId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut entry = Self::pending_referral(referral)?;
			let actor = Self::ensure_patient_or_guardian(&who, entry.patient)?;
			ensure!(T::Institutions::is_active(entry.to), Error::<T>::InstitutionNotActive);

			let now = T::Time::now();
			let grant = Self::do_grant(
				who,
				actor,
				entry.patient,
				Grantee::Institution(entry.to),
				Purpose::Referral,
				entry.scope.clone(),
				now,
				now.saturating_add(entry.duration),
			)?;
			Self::close_referral(referral, &mut entry, ReferralStatus::Approved(grant));
			Self::deposit_event(Event::ReferralApproved { referral, grant });
			Ok(())
		}

		/// Decline a referral (the patient or a guardian only).
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::decline_referral())]
		pub fn decline_referral(origin: OriginFor<T>, referral: ReferralId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut entry = Self::pending_referral(referral)?;
			Self::ensure_patient_or_guardian(&who, entry.patient)?;
			Self::close_referral(referral, &mut entry, ReferralStatus::Declined);
			Self::deposit_event(Event::ReferralDeclined { referral });
			Ok(())
		}

		/// Log a read of `patient`'s records for `purpose`; refused unless a grant holding now
		/// covers the caller, the purpose and every category read (staff only).
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::log_access(T::MaxActiveGrants::get()))]
		pub fn log_access(
			origin: OriginFor<T>,
			patient: PatientId,
			purpose: Purpose,
			target: AccessTarget,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let (institution, _) =
				T::Institutions::active_staff(&who).ok_or(Error::<T>::NotActiveStaff)?;
			ensure!(T::Patients::exists(patient), Error::<T>::UnknownPatient);
			let categories = Self::categories_of(patient, &target)?;
			let grant = Self::covering_grant(&who, institution, patient, purpose, &categories)
				.ok_or(Error::<T>::NoValidGrant)?;

			let index = Self::append_log(
				patient,
				who.clone(),
				institution,
				purpose,
				target,
				Authority::Grant(grant),
			);
			Self::deposit_event(Event::AccessLogged { patient, index, accessor: who, grant });
			Ok(())
		}

		/// Read `patient`'s records without a grant in an emergency (doctors only); logged as
		/// emergency, counted, and flagged for the bureau's review.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::emergency_access())]
		pub fn emergency_access(
			origin: OriginFor<T>,
			patient: PatientId,
			reason: EmergencyReason,
			target: AccessTarget,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let (institution, role) =
				T::Institutions::active_staff(&who).ok_or(Error::<T>::NotActiveStaff)?;
			ensure!(role == StaffRole::Doctor, Error::<T>::NotADoctor);
			ensure!(T::Patients::exists(patient), Error::<T>::UnknownPatient);
			Self::categories_of(patient, &target)?;
			Self::count_emergency(&who)?;

			let authority = Authority::Emergency { reason, review: None };
			let index = Self::append_log(
				patient,
				who.clone(),
				institution,
				Purpose::Treatment,
				target,
				authority,
			);
			PendingReviews::<T>::insert(patient, index, ());
			log::info!(target: LOG_TARGET, "emergency access to patient {patient} (entry {index})");
			Self::deposit_event(Event::EmergencyAccessed { patient, index, doctor: who, reason });
			Ok(())
		}

		/// Record the bureau's verdict on an emergency access.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::review_emergency())]
		pub fn review_emergency(
			origin: OriginFor<T>,
			patient: PatientId,
			index: AccessIndex,
			verdict: ReviewVerdict,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			ensure!(
				PendingReviews::<T>::take(patient, index).is_some(),
				Error::<T>::NotPendingReview
			);
			AccessLog::<T>::mutate(patient, index, |entry| {
				if let Some(AccessEntry {
					authority: Authority::Emergency { review, .. }, ..
				}) = entry
				{
					*review = Some(verdict);
				}
			});
			Self::deposit_event(Event::EmergencyReviewed { patient, index, verdict });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// Stores a grant after checking its period and scope, pruning the patient's grants
		/// that can no longer hold to make room.
		#[allow(clippy::too_many_arguments)]
		fn do_grant(
			granted_by: T::AccountId,
			granted_as: Actor,
			patient: PatientId,
			grantee: Grantee<T::AccountId>,
			purpose: Purpose,
			scope: Scope,
			start: MomentOf<T>,
			end: MomentOf<T>,
		) -> Result<GrantId, DispatchError> {
			let now = T::Time::now();
			ensure!(end > start && end > now, Error::<T>::InvalidPeriod);
			Self::ensure_scope_not_empty(&scope)?;

			let grant = NextGrantId::<T>::get();
			ActiveGrants::<T>::try_mutate(patient, |active| {
				active.retain(|id| Grants::<T>::get(id).is_some_and(|g| !g.is_over(now)));
				active.try_push(grant)
			})
			.map_err(|_| Error::<T>::TooManyGrants)?;
			Grants::<T>::insert(
				grant,
				Grant {
					patient,
					grantee,
					purpose,
					scope,
					start,
					end,
					granted_by,
					granted_as,
					revoked_at: None,
				},
			);
			PatientGrants::<T>::insert(patient, grant, ());
			NextGrantId::<T>::put(grant.saturating_add(1));
			Ok(grant)
		}

		/// The grant, among those holding now, that lets `who` of `institution` read
		/// `categories` of `patient` for `purpose`.
		pub fn covering_grant(
			who: &T::AccountId,
			institution: InstitutionId,
			patient: PatientId,
			purpose: Purpose,
			categories: &[Category],
		) -> Option<GrantId> {
			let now = T::Time::now();
			ActiveGrants::<T>::get(patient).into_iter().find(|id| {
				Grants::<T>::get(id).is_some_and(|grant| {
					grant.holds_at(now)
						&& grant.purpose.covers(purpose)
						&& match &grant.grantee {
							Grantee::Institution(id) => *id == institution,
							Grantee::Staff(account) => account == who,
						} && categories.iter().all(|c| grant.scope.includes(*c))
				})
			})
		}

		/// The categories a read touches, after checking every named record is the patient's.
		fn categories_of(
			patient: PatientId,
			target: &AccessTarget,
		) -> Result<Vec<Category>, DispatchError> {
			match target {
				AccessTarget::Category(category) => Ok(alloc::vec![*category]),
				AccessTarget::Records(hashes) => {
					ensure!(!hashes.is_empty(), Error::<T>::NothingAccessed);
					hashes
						.iter()
						.map(|hash| {
							let (owner, category) = T::Records::patient_and_category(hash)
								.ok_or(Error::<T>::UnknownRecord)?;
							ensure!(owner == patient, Error::<T>::RecordOfAnotherPatient);
							Ok(category)
						})
						.collect()
				},
			}
		}

		/// Appends an entry to the patient's access log and returns its index.
		fn append_log(
			patient: PatientId,
			accessor: T::AccountId,
			institution: InstitutionId,
			purpose: Purpose,
			target: AccessTarget,
			authority: Authority,
		) -> AccessIndex {
			let index = AccessLogLength::<T>::mutate(patient, |length| {
				let index = *length;
				*length = length.saturating_add(1);
				index
			});
			AccessLog::<T>::insert(
				patient,
				index,
				AccessEntry {
					accessor,
					institution,
					purpose,
					target,
					authority,
					block: frame_system::Pallet::<T>::block_number(),
					timestamp: T::Time::now(),
				},
			);
			index
		}

		/// Counts an emergency access of `doctor`, refusing it past the window's allowance.
		///
		/// LIMITATION: the windows are fixed (`block / EmergencyWindow`), so a doctor can make
		/// twice the allowance across a window boundary, and there is no per-institution cap.
		fn count_emergency(doctor: &T::AccountId) -> DispatchResult {
			let now = frame_system::Pallet::<T>::block_number();
			let window = now / T::EmergencyWindow::get();
			let used = match EmergencyAccesses::<T>::get(doctor) {
				Some((w, count)) if w == window => count,
				_ => 0,
			};
			ensure!(used < T::MaxEmergencyAccesses::get(), Error::<T>::EmergencyLimitReached);
			EmergencyAccesses::<T>::insert(doctor, (window, used + 1));
			Ok(())
		}

		fn ensure_patient_or_guardian(
			who: &T::AccountId,
			patient: PatientId,
		) -> Result<Actor, DispatchError> {
			ensure!(T::Patients::exists(patient), Error::<T>::UnknownPatient);
			T::Patients::actor_for(who, patient)
				.ok_or_else(|| Error::<T>::NotPatientOrGuardian.into())
		}

		fn ensure_scope_not_empty(scope: &Scope) -> DispatchResult {
			match scope {
				Scope::Categories(categories) if categories.is_empty() => {
					Err(Error::<T>::EmptyScope.into())
				},
				_ => Ok(()),
			}
		}

		fn pending_referral(referral: ReferralId) -> Result<ReferralOf<T>, DispatchError> {
			let entry = Referrals::<T>::get(referral).ok_or(Error::<T>::UnknownReferral)?;
			ensure!(entry.status == ReferralStatus::Pending, Error::<T>::ReferralNotPending);
			Ok(entry)
		}

		fn close_referral(referral: ReferralId, entry: &mut ReferralOf<T>, status: ReferralStatus) {
			entry.status = status;
			Referrals::<T>::insert(referral, entry.clone());
			PendingReferrals::<T>::mutate(entry.patient, |pending| {
				pending.retain(|r| *r != referral)
			});
		}
	}
}

mod queries {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::traits::Get;
	use pallet_patients::PatientId;

	impl<T: Config> Pallet<T> {
		/// May `who` read `patient`'s records of `category` for `purpose` now, and under which
		/// grant.
		pub fn may_access(
			who: &T::AccountId,
			patient: PatientId,
			category: pallet_records::Category,
			purpose: Purpose,
		) -> AccessDecision {
			use pallet_institutions::InstitutionMembership;
			let Some((institution, _)) = T::Institutions::active_staff(who) else {
				return AccessDecision::NotActiveStaff;
			};
			match Self::covering_grant(who, institution, patient, purpose, &[category]) {
				Some(grant) => AccessDecision::Allowed(grant),
				None => AccessDecision::NoGrant,
			}
		}

		/// Up to `limit` of `patient`'s grants, in storage order, after `start_after`.
		pub fn patient_grants(
			patient: PatientId,
			start_after: Option<GrantId>,
			limit: u32,
		) -> Vec<(GrantId, GrantOf<T>)> {
			let limit = limit.min(T::MaxPageSize::get()) as usize;
			let ids: Vec<GrantId> = match start_after {
				Some(after) => PatientGrants::<T>::iter_key_prefix_from(
					patient,
					PatientGrants::<T>::hashed_key_for(patient, after),
				)
				.take(limit)
				.collect(),
				None => PatientGrants::<T>::iter_key_prefix(patient).take(limit).collect(),
			};
			ids.into_iter().filter_map(|id| Grants::<T>::get(id).map(|g| (id, g))).collect()
		}

		/// Up to `limit` entries of `patient`'s access log, from index `from`.
		pub fn access_log(
			patient: PatientId,
			from: AccessIndex,
			limit: u32,
		) -> Vec<(AccessIndex, AccessEntryOf<T>)> {
			let end = AccessLogLength::<T>::get(patient)
				.min(from.saturating_add(limit.min(T::MaxPageSize::get())));
			(from..end)
				.filter_map(|index| AccessLog::<T>::get(patient, index).map(|e| (index, e)))
				.collect()
		}

		/// Up to `limit` emergency accesses awaiting the bureau's review, after `start_after`.
		pub fn pending_reviews(
			start_after: Option<(PatientId, AccessIndex)>,
			limit: u32,
		) -> Vec<(PatientId, AccessIndex, AccessEntryOf<T>)> {
			let limit = limit.min(T::MaxPageSize::get()) as usize;
			let keys: Vec<(PatientId, AccessIndex)> = match start_after {
				Some((patient, index)) => PendingReviews::<T>::iter_keys_from(
					PendingReviews::<T>::hashed_key_for(patient, index),
				)
				.take(limit)
				.collect(),
				None => PendingReviews::<T>::iter_keys().take(limit).collect(),
			};
			keys.into_iter()
				.filter_map(|(patient, index)| {
					AccessLog::<T>::get(patient, index).map(|entry| (patient, index, entry))
				})
				.collect()
		}

		/// The referrals of `patient` awaiting an answer.
		pub fn pending_referrals(patient: PatientId) -> Vec<(ReferralId, ReferralOf<T>)> {
			PendingReferrals::<T>::get(patient)
				.into_iter()
				.filter_map(|id| Referrals::<T>::get(id).map(|r| (id, r)))
				.collect()
		}
	}
}
