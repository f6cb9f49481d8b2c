//! # Institutions pallet
//!
//! Consortium membership for Chronicle: which institutions belong to the county medical
//! consortium, who administers each, who works there, and which of their nodes validate.
//!
//! ## Terms
//!
//! - **Institution**: a hospital, TCM hospital, community health centre, village health
//!   station, insurer or research body admitted to the consortium. It has a kind, a public
//!   name, one admin account and a status: active, suspended or expelled.
//! - **Governance origin**: the origin that admits, suspends, reinstates and expels
//!   institutions and changes the validator set. In the Chronicle runtime it is a motion of
//!   the health bureau's collective (sudo may stand in on the `dev` chain only).
//! - **Admin**: the account that manages an institution's staff.
//! - **Staff**: accounts of doctors, nurses, pharmacists and clerks of an institution.
//! - **Validator**: an account, owned by an institution, whose node authors and finalizes
//!   blocks. The validator set is handed to `pallet-session` at session boundaries.
//!
//! One account belongs to at most one institution, in exactly one role. Every account that
//! belongs to an institution is kept alive by this pallet (a frame-system provider
//! reference): Chronicle has no balances, so membership is what lets an account exist.
//!
//! ## How the calls fit together
//!
//! 1. Governance calls [`Pallet::admit_institution`] with the kind, name and admin.
//! 2. The admin calls [`Pallet::add_staff`], [`Pallet::change_staff_role`] and
//!    [`Pallet::remove_staff`] for its own institution.
//! 3. Governance may [`Pallet::suspend_institution`] (its admin and staff can do nothing),
//!    [`Pallet::reinstate_institution`], or [`Pallet::expel_institution`] (its accounts are
//!    released), and [`Pallet::replace_admin`] when an admin key is lost.
//! 4. Governance calls [`Pallet::add_validator`] and [`Pallet::remove_validator`]; the new set
//!    is planned at the next session and takes effect one session later.
//!
//! Other pallets ask about membership through [`InstitutionMembership`], and the runtime's
//! transaction gate ([`CheckMembership`]) asks the [`Config::Members`] predicate whether a
//! signer may transact at all.
//!
//! ```ignore
//! // The bureau admits a hospital, whose admin then adds a doctor.
//! Institutions::admit_institution(bureau, InstitutionKind::GeneralHospital,
//!     b"County People's Hospital".to_vec(), admin)?;
//! Institutions::add_staff(RuntimeOrigin::signed(admin), doctor, StaffRole::Doctor)?;
//! ```

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

mod extension;
mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use extension::CheckMembership;
pub use types::*;
pub use weights::WeightInfo;

/// Log target of this pallet.
pub const LOG_TARGET: &str = "chronicle::institutions";

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{pallet_prelude::*, traits::Contains};
	use frame_system::pallet_prelude::*;
	use sp_runtime::Saturating;

	/// The institution record as stored.
	pub type InstitutionOf<T> = Institution<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
		<T as Config>::MaxNameLength,
	>;

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The origin that decides membership and the validator set (the bureau's motions).
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Who may submit signed transactions at all; checked by [`CheckMembership`].
		type Members: Contains<Self::AccountId>;

		/// Longest public name of an institution, in bytes.
		#[pallet::constant]
		type MaxNameLength: Get<u32>;

		/// Most institutions the consortium can ever admit.
		#[pallet::constant]
		type MaxInstitutions: Get<u32>;

		/// Most staff accounts one institution can have.
		#[pallet::constant]
		type MaxStaffPerInstitution: Get<u32>;

		/// Most validators in the consortium.
		#[pallet::constant]
		type MaxValidators: Get<u32>;

		/// Most signed transactions one account may have included in one block.
		#[pallet::constant]
		type MaxTransactionsPerBlock: Get<u32>;

		/// Weights of this pallet's calls and of the membership check.
		type WeightInfo: WeightInfo;
	}

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	/// The id the next admitted institution receives.
	#[pallet::storage]
	pub type NextInstitutionId<T> = StorageValue<_, InstitutionId, ValueQuery>;

	/// Every institution ever admitted, by id.
	#[pallet::storage]
	pub type Institutions<T: Config> =
		StorageMap<_, Twox64Concat, InstitutionId, InstitutionOf<T>, OptionQuery>;

	/// The institution and role of every account that belongs to one.
	#[pallet::storage]
	pub type Affiliations<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, Affiliation, OptionQuery>;

	/// Staff of each institution, so an institution's staff can be listed and released.
	#[pallet::storage]
	pub type Staff<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		InstitutionId,
		Blake2_128Concat,
		T::AccountId,
		StaffRole,
		OptionQuery,
	>;

	/// The consortium's validators and the institution running each, in order of addition.
	#[pallet::storage]
	pub type Validators<T: Config> =
		StorageValue<_, BoundedVec<(T::AccountId, InstitutionId), T::MaxValidators>, ValueQuery>;

	/// Whether the validator set changed since it was last handed to the session pallet.
	#[pallet::storage]
	pub type ValidatorSetChanged<T> = StorageValue<_, bool, ValueQuery>;

	/// Signed transactions of an account in the current block: `(block, count)`.
	#[pallet::storage]
	pub type TransactionsInBlock<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, (BlockNumberFor<T>, u32), OptionQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// Governance admitted an institution.
		InstitutionAdmitted {
			institution: InstitutionId,
			kind: InstitutionKind,
			admin: T::AccountId,
		},
		/// Governance suspended an institution; its accounts can do nothing.
		InstitutionSuspended { institution: InstitutionId },
		/// Governance reinstated a suspended institution.
		InstitutionReinstated { institution: InstitutionId },
		/// Governance expelled an institution and released its accounts.
		InstitutionExpelled {
			institution: InstitutionId,
			staff_released: u32,
			validators_removed: u32,
		},
		/// Governance gave an institution a new admin.
		AdminReplaced { institution: InstitutionId, old: T::AccountId, new: T::AccountId },
		/// An admin added a staff member.
		StaffAdded { institution: InstitutionId, who: T::AccountId, role: StaffRole },
		/// An admin changed a staff member's role.
		StaffRoleChanged { institution: InstitutionId, who: T::AccountId, role: StaffRole },
		/// An admin removed a staff member.
		StaffRemoved { institution: InstitutionId, who: T::AccountId },
		/// Governance made an institution's account a validator (from the next session but one).
		ValidatorAdded { institution: InstitutionId, who: T::AccountId },
		/// Governance removed a validator (from the next session but one).
		ValidatorRemoved { institution: InstitutionId, who: T::AccountId },
		/// The validator set was handed to the session pallet for the given session.
		ValidatorSetPlanned { session: u32, validators: u32 },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No institution has this id.
		UnknownInstitution,
		/// An institution's name may not be empty.
		EmptyName,
		/// The institution's name is longer than `MaxNameLength`.
		NameTooLong,
		/// The consortium already has `MaxInstitutions` institutions.
		TooManyInstitutions,
		/// The account already belongs to an institution.
		AlreadyAffiliated,
		/// The caller is not the admin of an institution.
		NotAnAdmin,
		/// The institution is suspended.
		InstitutionSuspended,
		/// The institution has been expelled.
		InstitutionExpelled,
		/// The institution is already suspended.
		AlreadySuspended,
		/// The institution is not suspended, so it cannot be reinstated.
		NotSuspended,
		/// The account is not staff of the caller's institution.
		NotStaff,
		/// The staff member already has this role.
		SameRole,
		/// The institution already has `MaxStaffPerInstitution` staff.
		TooManyStaff,
		/// The account is not a validator.
		NotAValidator,
		/// The consortium already has `MaxValidators` validators.
		TooManyValidators,
		/// Removing this validator would leave the chain with none.
		LastValidator,
		/// Expelling this institution would remove every validator of the chain.
		WouldRemoveAllValidators,
	}

	/// An institution admitted at genesis: `(kind, name, admin, staff)`.
	pub type GenesisInstitution<AccountId> =
		(InstitutionKind, Vec<u8>, AccountId, Vec<(AccountId, StaffRole)>);

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Institutions admitted at genesis, with ids 0, 1, ... in this order.
		pub institutions: Vec<GenesisInstitution<T::AccountId>>,
		/// Validators at genesis and the institution running each.
		pub validators: Vec<(T::AccountId, InstitutionId)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (kind, name, admin, staff) in &self.institutions {
				let id = Pallet::<T>::do_admit(*kind, name.clone(), admin.clone())
					.expect("genesis institutions are valid; qed");
				for (who, role) in staff {
					Pallet::<T>::do_add_staff(id, who.clone(), *role)
						.expect("genesis staff are valid; qed");
				}
			}
			for (who, institution) in &self.validators {
				Pallet::<T>::do_add_validator(*institution, who.clone())
					.expect("genesis validators are valid; qed");
			}
			ValidatorSetChanged::<T>::put(false);
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Admit an institution with its kind, public name and admin account.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::admit_institution(name.len() as u32))]
		pub fn admit_institution(
			origin: OriginFor<T>,
			kind: InstitutionKind,
			name: Vec<u8>,
			admin: T::AccountId,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let institution = Self::do_admit(kind, name, admin.clone())?;
			Self::deposit_event(Event::InstitutionAdmitted { institution, kind, admin });
			Ok(())
		}

		/// Suspend an active institution: its admin and staff can do nothing until reinstated.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::suspend_institution())]
		pub fn suspend_institution(
			origin: OriginFor<T>,
			institution: InstitutionId,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Institutions::<T>::try_mutate(institution, |entry| -> DispatchResult {
				let entry = entry.as_mut().ok_or(Error::<T>::UnknownInstitution)?;
				match entry.status {
					InstitutionStatus::Active => entry.status = InstitutionStatus::Suspended,
					InstitutionStatus::Suspended => return Err(Error::<T>::AlreadySuspended.into()),
					InstitutionStatus::Expelled => {
						return Err(Error::<T>::InstitutionExpelled.into())
					},
				}
				Ok(())
			})?;
			log::info!(target: LOG_TARGET, "institution {institution} suspended");
			Self::deposit_event(Event::InstitutionSuspended { institution });
			Ok(())
		}

		/// Reinstate a suspended institution.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::reinstate_institution())]
		pub fn reinstate_institution(
			origin: OriginFor<T>,
			institution: InstitutionId,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Institutions::<T>::try_mutate(institution, |entry| -> DispatchResult {
				let entry = entry.as_mut().ok_or(Error::<T>::UnknownInstitution)?;
				match entry.status {
					InstitutionStatus::Suspended => entry.status = InstitutionStatus::Active,
					InstitutionStatus::Active => return Err(Error::<T>::NotSuspended.into()),
					InstitutionStatus::Expelled => {
						return Err(Error::<T>::InstitutionExpelled.into())
					},
				}
				Ok(())
			})?;
			log::info!(target: LOG_TARGET, "institution {institution} reinstated");
			Self::deposit_event(Event::InstitutionReinstated { institution });
			Ok(())
		}

		/// Expel an institution for good: its admin, staff and validators are released.
		///
		/// The record of the institution stays, so the provenance of what it did stays readable.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::expel_institution(
			T::MaxStaffPerInstitution::get(),
			T::MaxValidators::get(),
		))]
		pub fn expel_institution(
			origin: OriginFor<T>,
			institution: InstitutionId,
		) -> DispatchResultWithPostInfo {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let mut entry =
				Institutions::<T>::get(institution).ok_or(Error::<T>::UnknownInstitution)?;
			ensure!(entry.status != InstitutionStatus::Expelled, Error::<T>::InstitutionExpelled);
			ensure!(
				entry.validator_count == 0
					|| Validators::<T>::get().iter().any(|(_, owner)| *owner != institution),
				Error::<T>::WouldRemoveAllValidators
			);

			let staff: Vec<T::AccountId> =
				Staff::<T>::drain_prefix(institution).map(|(who, _)| who).collect();
			for who in &staff {
				Self::release(who);
			}
			Self::release(&entry.admin);
			let validators_removed = Self::remove_validators_of(institution);

			let staff_released = staff.len() as u32;
			entry.status = InstitutionStatus::Expelled;
			entry.staff_count = 0;
			entry.validator_count = 0;
			Institutions::<T>::insert(institution, entry);

			log::info!(target: LOG_TARGET, "institution {institution} expelled");
			Self::deposit_event(Event::InstitutionExpelled {
				institution,
				staff_released,
				validators_removed,
			});
			Ok(Some(T::WeightInfo::expel_institution(staff_released, validators_removed)).into())
		}

		/// Give an institution a new admin account, when the old key is lost or its holder leaves.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::replace_admin())]
		pub fn replace_admin(
			origin: OriginFor<T>,
			institution: InstitutionId,
			new: T::AccountId,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let mut entry =
				Institutions::<T>::get(institution).ok_or(Error::<T>::UnknownInstitution)?;
			ensure!(entry.status != InstitutionStatus::Expelled, Error::<T>::InstitutionExpelled);
			ensure!(!Affiliations::<T>::contains_key(&new), Error::<T>::AlreadyAffiliated);

			let old = core::mem::replace(&mut entry.admin, new.clone());
			Self::release(&old);
			Self::affiliate(&new, institution, Role::Admin);
			Institutions::<T>::insert(institution, entry);

			Self::deposit_event(Event::AdminReplaced { institution, old, new });
			Ok(())
		}

		/// Add a staff member to the caller's institution (admin only).
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::add_staff())]
		pub fn add_staff(
			origin: OriginFor<T>,
			who: T::AccountId,
			role: StaffRole,
		) -> DispatchResult {
			let admin = ensure_signed(origin)?;
			let institution = Self::ensure_active_admin(&admin)?;
			Self::do_add_staff(institution, who.clone(), role)?;
			Self::deposit_event(Event::StaffAdded { institution, who, role });
			Ok(())
		}

		/// Change the role of a staff member of the caller's institution (admin only).
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::change_staff_role())]
		pub fn change_staff_role(
			origin: OriginFor<T>,
			who: T::AccountId,
			role: StaffRole,
		) -> DispatchResult {
			let admin = ensure_signed(origin)?;
			let institution = Self::ensure_active_admin(&admin)?;
			let current = Staff::<T>::get(institution, &who).ok_or(Error::<T>::NotStaff)?;
			ensure!(current != role, Error::<T>::SameRole);

			Staff::<T>::insert(institution, &who, role);
			Affiliations::<T>::insert(&who, Affiliation { institution, role: Role::Staff(role) });
			Self::deposit_event(Event::StaffRoleChanged { institution, who, role });
			Ok(())
		}

		/// Remove a staff member from the caller's institution (admin only).
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::remove_staff())]
		pub fn remove_staff(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			let admin = ensure_signed(origin)?;
			let institution = Self::ensure_active_admin(&admin)?;
			ensure!(Staff::<T>::take(institution, &who).is_some(), Error::<T>::NotStaff);

			Self::release(&who);
			Institutions::<T>::mutate(institution, |entry| {
				if let Some(entry) = entry {
					entry.staff_count.saturating_dec();
				}
			});
			Self::deposit_event(Event::StaffRemoved { institution, who });
			Ok(())
		}

		/// Make `who`, an account of an active institution's node operator, a validator.
		///
		/// The account must set its session keys (`session.set_keys`); the new set is planned at
		/// the next session boundary and takes effect one session after that.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::add_validator())]
		pub fn add_validator(
			origin: OriginFor<T>,
			institution: InstitutionId,
			who: T::AccountId,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_add_validator(institution, who.clone())?;
			log::info!(target: LOG_TARGET, "validator added for institution {institution}");
			Self::deposit_event(Event::ValidatorAdded { institution, who });
			Ok(())
		}

		/// Remove a validator; it stops validating one session after the next boundary.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::remove_validator())]
		pub fn remove_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let mut validators = Validators::<T>::get();
			let position =
				validators.iter().position(|(v, _)| *v == who).ok_or(Error::<T>::NotAValidator)?;
			ensure!(validators.len() > 1, Error::<T>::LastValidator);

			let (_, institution) = validators.remove(position);
			Validators::<T>::put(validators);
			ValidatorSetChanged::<T>::put(true);
			Self::release(&who);
			Institutions::<T>::mutate(institution, |entry| {
				if let Some(entry) = entry {
					entry.validator_count.saturating_dec();
				}
			});
			log::info!(target: LOG_TARGET, "validator removed from institution {institution}");
			Self::deposit_event(Event::ValidatorRemoved { institution, who });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// Stores a new active institution and affiliates its admin.
		pub(crate) fn do_admit(
			kind: InstitutionKind,
			name: Vec<u8>,
			admin: T::AccountId,
		) -> Result<InstitutionId, DispatchError> {
			ensure!(!name.is_empty(), Error::<T>::EmptyName);
			let name: BoundedVec<u8, T::MaxNameLength> =
				name.try_into().map_err(|_| Error::<T>::NameTooLong)?;
			let institution = NextInstitutionId::<T>::get();
			ensure!(institution < T::MaxInstitutions::get(), Error::<T>::TooManyInstitutions);
			ensure!(!Affiliations::<T>::contains_key(&admin), Error::<T>::AlreadyAffiliated);

			Self::affiliate(&admin, institution, Role::Admin);
			Institutions::<T>::insert(
				institution,
				Institution {
					kind,
					name,
					admin,
					status: InstitutionStatus::Active,
					staff_count: 0,
					validator_count: 0,
					admitted_at: frame_system::Pallet::<T>::block_number(),
				},
			);
			NextInstitutionId::<T>::put(institution + 1);
			log::info!(target: LOG_TARGET, "institution {institution} admitted");
			Ok(institution)
		}

		/// Adds `who` to the staff of `institution`.
		pub(crate) fn do_add_staff(
			institution: InstitutionId,
			who: T::AccountId,
			role: StaffRole,
		) -> DispatchResult {
			ensure!(!Affiliations::<T>::contains_key(&who), Error::<T>::AlreadyAffiliated);
			Institutions::<T>::try_mutate(institution, |entry| -> DispatchResult {
				let entry = entry.as_mut().ok_or(Error::<T>::UnknownInstitution)?;
				ensure!(
					entry.staff_count < T::MaxStaffPerInstitution::get(),
					Error::<T>::TooManyStaff
				);
				entry.staff_count += 1;
				Ok(())
			})?;
			Staff::<T>::insert(institution, &who, role);
			Self::affiliate(&who, institution, Role::Staff(role));
			Ok(())
		}

		/// Adds `who` as a validator run by `institution`.
		pub(crate) fn do_add_validator(
			institution: InstitutionId,
			who: T::AccountId,
		) -> DispatchResult {
			ensure!(!Affiliations::<T>::contains_key(&who), Error::<T>::AlreadyAffiliated);
			Institutions::<T>::try_mutate(institution, |entry| -> DispatchResult {
				let entry = entry.as_mut().ok_or(Error::<T>::UnknownInstitution)?;
				Self::ensure_status_active(entry.status)?;
				entry.validator_count += 1;
				Ok(())
			})?;
			Validators::<T>::try_append((who.clone(), institution))
				.map_err(|_| Error::<T>::TooManyValidators)?;
			ValidatorSetChanged::<T>::put(true);
			Self::affiliate(&who, institution, Role::Validator);
			Ok(())
		}

		/// Removes every validator run by `institution`; returns how many were removed.
		fn remove_validators_of(institution: InstitutionId) -> u32 {
			let mut removed = 0;
			Validators::<T>::mutate(|validators| {
				validators.retain(|(who, owner)| {
					if *owner == institution {
						Self::release(who);
						removed += 1;
						false
					} else {
						true
					}
				})
			});
			if removed > 0 {
				ValidatorSetChanged::<T>::put(true);
			}
			removed
		}

		/// Records the affiliation and keeps the account alive while it lasts.
		fn affiliate(who: &T::AccountId, institution: InstitutionId, role: Role) {
			Affiliations::<T>::insert(who, Affiliation { institution, role });
			frame_system::Pallet::<T>::inc_providers(who);
		}

		/// Drops the affiliation and the provider reference that came with it.
		fn release(who: &T::AccountId) {
			if Affiliations::<T>::take(who).is_some() {
				// LIMITATION: a removed validator still holds a consumer reference for its session
				// keys, so this provider reference is not dropped; as it is no longer a member it
				// cannot call `session.purge_keys` itself, and its keys stay registered until a
				// later runtime purges them on removal.
				let _ = frame_system::Pallet::<T>::dec_providers(who);
			}
		}

		/// The institution `who` administers, failing unless it is active.
		fn ensure_active_admin(who: &T::AccountId) -> Result<InstitutionId, DispatchError> {
			let affiliation = Affiliations::<T>::get(who).ok_or(Error::<T>::NotAnAdmin)?;
			ensure!(affiliation.role == Role::Admin, Error::<T>::NotAnAdmin);
			let entry = Institutions::<T>::get(affiliation.institution)
				.ok_or(Error::<T>::UnknownInstitution)?;
			Self::ensure_status_active(entry.status)?;
			Ok(affiliation.institution)
		}

		fn ensure_status_active(status: InstitutionStatus) -> DispatchResult {
			match status {
				InstitutionStatus::Active => Ok(()),
				InstitutionStatus::Suspended => Err(Error::<T>::InstitutionSuspended.into()),
				InstitutionStatus::Expelled => Err(Error::<T>::InstitutionExpelled.into()),
			}
		}

		/// The affiliation of `who` if their institution is active.
		pub fn active_affiliation(who: &T::AccountId) -> Option<Affiliation> {
			let affiliation = Affiliations::<T>::get(who)?;
			let entry = Institutions::<T>::get(affiliation.institution)?;
			(entry.status == InstitutionStatus::Active).then_some(affiliation)
		}

		/// The accounts of the current validator set, in order.
		pub fn validator_accounts() -> Vec<T::AccountId> {
			Validators::<T>::get().into_iter().map(|(who, _)| who).collect()
		}
	}

	impl<T: Config> InstitutionMembership<T::AccountId> for Pallet<T> {
		fn active_staff(who: &T::AccountId) -> Option<(InstitutionId, StaffRole)> {
			match Self::active_affiliation(who)? {
				Affiliation { institution, role: Role::Staff(role) } => Some((institution, role)),
				_ => None,
			}
		}

		fn active_admin(who: &T::AccountId) -> Option<InstitutionId> {
			match Self::active_affiliation(who)? {
				Affiliation { institution, role: Role::Admin } => Some(institution),
				_ => None,
			}
		}

		fn is_active(institution: InstitutionId) -> bool {
			Institutions::<T>::get(institution)
				.is_some_and(|entry| entry.status == InstitutionStatus::Active)
		}

		fn exists(institution: InstitutionId) -> bool {
			Institutions::<T>::contains_key(institution)
		}

		#[cfg(feature = "runtime-benchmarks")]
		fn benchmark_institution(
			admin: &T::AccountId,
			staff: &T::AccountId,
			role: StaffRole,
		) -> InstitutionId {
			let id =
				Self::do_admit(InstitutionKind::GeneralHospital, b"bench".to_vec(), admin.clone())
					.expect("benchmark institution can be admitted");
			Self::do_add_staff(id, staff.clone(), role).expect("benchmark staff can be added");
			id
		}
	}

	/// Admins, staff and validators of active institutions may transact.
	pub struct ActiveMembers<T>(PhantomData<T>);

	impl<T: Config> Contains<T::AccountId> for ActiveMembers<T> {
		fn contains(who: &T::AccountId) -> bool {
			match Affiliations::<T>::get(who) {
				// A validator keeps its node running even while its institution is suspended.
				Some(Affiliation { role: Role::Validator, .. }) => true,
				Some(Affiliation { institution, .. }) => Institutions::<T>::get(institution)
					.is_some_and(|entry| entry.status == InstitutionStatus::Active),
				None => false,
			}
		}
	}

	/// Hands the validator set to `pallet-session` whenever governance changed it.
	impl<T: Config> pallet_session::SessionManager<T::AccountId> for Pallet<T> {
		fn new_session(new_index: u32) -> Option<Vec<T::AccountId>> {
			if !ValidatorSetChanged::<T>::take() {
				return None;
			}
			let validators = Self::validator_accounts();
			log::info!(
				target: LOG_TARGET,
				"session {new_index}: planning {} validators",
				validators.len()
			);
			Self::deposit_event(Event::ValidatorSetPlanned {
				session: new_index,
				validators: validators.len() as u32,
			});
			Some(validators)
		}

		fn new_session_genesis(_: u32) -> Option<Vec<T::AccountId>> {
			Some(Self::validator_accounts())
		}

		fn end_session(_: u32) {}

		fn start_session(_: u32) {}
	}
}
