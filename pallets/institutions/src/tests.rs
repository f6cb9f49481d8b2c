//! Scenarios of consortium membership.

use crate::{
	mock::*, Affiliations, CheckMembership, Error, Event, InstitutionId, InstitutionKind,
	InstitutionMembership, InstitutionStatus, Institutions as InstitutionRecords,
	NextInstitutionId, Pallet, Staff, StaffRole, ValidatorSetChanged,
};
use frame_support::{
	assert_noop, assert_ok,
	dispatch::DispatchInfo,
	pallet_prelude::{InvalidTransaction, TransactionSource},
};
use pallet_session::SessionManager;
use sp_runtime::{traits::DispatchTransaction, DispatchError};

fn root() -> RuntimeOrigin {
	RuntimeOrigin::root()
}

fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn last_event() -> Event<Test> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Institutions(event) => Some(event),
			_ => None,
		})
		.last()
		.expect("an institutions event was deposited")
}

fn providers(who: u64) -> u32 {
	frame_system::Pallet::<Test>::providers(&who)
}

fn admit(admin: u64) -> InstitutionId {
	assert_ok!(Institutions::admit_institution(
		root(),
		InstitutionKind::CommunityHealthCentre,
		b"Riverside".to_vec(),
		admin
	));
	NextInstitutionId::<Test>::get() - 1
}

#[test]
fn genesis_admits_the_consortium_and_keeps_its_accounts_alive() {
	new_test_ext().execute_with(|| {
		assert_eq!(NextInstitutionId::<Test>::get(), 2);
		let hospital = InstitutionRecords::<Test>::get(0).unwrap();
		assert_eq!(hospital.admin, ADMIN_A);
		assert_eq!(hospital.status, InstitutionStatus::Active);
		assert_eq!(hospital.staff_count, 1);
		assert_eq!(hospital.validator_count, 1);
		assert_eq!(Pallet::<Test>::active_staff(&DOCTOR_A), Some((0, StaffRole::Doctor)));
		assert_eq!(Pallet::<Test>::active_admin(&ADMIN_B), Some(1));
		assert_eq!(Pallet::<Test>::validator_accounts(), vec![VALIDATOR_A, VALIDATOR_B]);
		for who in [ADMIN_A, DOCTOR_A, ADMIN_B, NURSE_B, VALIDATOR_A, VALIDATOR_B] {
			assert_eq!(providers(who), 1);
		}
		assert_eq!(providers(STRANGER), 0);
	});
}

#[test]
fn governance_admits_an_institution_whose_admin_then_exists() {
	new_test_ext().execute_with(|| {
		let id = admit(30);
		assert_eq!(id, 2);
		assert_eq!(
			last_event(),
			Event::InstitutionAdmitted {
				institution: 2,
				kind: InstitutionKind::CommunityHealthCentre,
				admin: 30
			}
		);
		assert_eq!(Pallet::<Test>::active_admin(&30), Some(2));
		assert_eq!(InstitutionRecords::<Test>::get(2).unwrap().admitted_at, 1);
		assert_eq!(providers(30), 1);
	});
}

#[test]
fn only_governance_admits_suspends_reinstates_and_expels() {
	new_test_ext().execute_with(|| {
		let kind = InstitutionKind::Insurer;
		assert_noop!(
			Institutions::admit_institution(signed(ADMIN_A), kind, b"X".to_vec(), 30),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Institutions::suspend_institution(signed(ADMIN_A), 0),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Institutions::reinstate_institution(signed(ADMIN_A), 0),
			DispatchError::BadOrigin
		);
		assert_noop!(Institutions::expel_institution(signed(ADMIN_A), 0), DispatchError::BadOrigin);
		assert_noop!(Institutions::replace_admin(signed(ADMIN_A), 0, 30), DispatchError::BadOrigin);
		assert_noop!(Institutions::add_validator(signed(ADMIN_A), 0, 30), DispatchError::BadOrigin);
		assert_noop!(
			Institutions::remove_validator(signed(ADMIN_A), VALIDATOR_A),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn admission_refuses_bad_names_a_full_consortium_and_a_taken_admin() {
	new_test_ext().execute_with(|| {
		let kind = InstitutionKind::ResearchBody;
		assert_noop!(
			Institutions::admit_institution(root(), kind, vec![], 30),
			Error::<Test>::EmptyName
		);
		assert_noop!(
			Institutions::admit_institution(root(), kind, vec![b'x'; 17], 30),
			Error::<Test>::NameTooLong
		);
		assert_noop!(
			Institutions::admit_institution(root(), kind, b"Lab".to_vec(), DOCTOR_A),
			Error::<Test>::AlreadyAffiliated
		);
		admit(30);
		assert_noop!(
			Institutions::admit_institution(root(), kind, b"Lab".to_vec(), 40),
			Error::<Test>::TooManyInstitutions
		);
	});
}

#[test]
fn an_admin_adds_a_doctor_who_becomes_active_staff() {
	new_test_ext().execute_with(|| {
		assert_ok!(Institutions::add_staff(signed(ADMIN_A), 12, StaffRole::Pharmacist));
		assert_eq!(
			last_event(),
			Event::StaffAdded { institution: 0, who: 12, role: StaffRole::Pharmacist }
		);
		assert_eq!(Pallet::<Test>::active_staff(&12), Some((0, StaffRole::Pharmacist)));
		assert_eq!(Staff::<Test>::get(0, 12), Some(StaffRole::Pharmacist));
		assert_eq!(InstitutionRecords::<Test>::get(0).unwrap().staff_count, 2);
		assert_eq!(providers(12), 1);
	});
}

#[test]
fn only_an_admin_manages_staff() {
	new_test_ext().execute_with(|| {
		for caller in [DOCTOR_A, VALIDATOR_A, STRANGER] {
			assert_noop!(
				Institutions::add_staff(signed(caller), 12, StaffRole::Nurse),
				Error::<Test>::NotAnAdmin
			);
			assert_noop!(
				Institutions::change_staff_role(signed(caller), DOCTOR_A, StaffRole::Nurse),
				Error::<Test>::NotAnAdmin
			);
			assert_noop!(
				Institutions::remove_staff(signed(caller), DOCTOR_A),
				Error::<Test>::NotAnAdmin
			);
		}
	});
}

#[test]
fn one_account_belongs_to_one_institution() {
	new_test_ext().execute_with(|| {
		for taken in [ADMIN_B, NURSE_B, VALIDATOR_B, DOCTOR_A] {
			assert_noop!(
				Institutions::add_staff(signed(ADMIN_A), taken, StaffRole::Doctor),
				Error::<Test>::AlreadyAffiliated
			);
		}
		assert_noop!(
			Institutions::add_validator(root(), 0, NURSE_B),
			Error::<Test>::AlreadyAffiliated
		);
	});
}

#[test]
fn an_institution_has_at_most_max_staff() {
	new_test_ext().execute_with(|| {
		assert_ok!(Institutions::add_staff(signed(ADMIN_A), 12, StaffRole::Nurse));
		assert_noop!(
			Institutions::add_staff(signed(ADMIN_A), 13, StaffRole::Nurse),
			Error::<Test>::TooManyStaff
		);
	});
}

#[test]
fn an_admin_changes_the_role_of_its_own_staff_only() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			Institutions::change_staff_role(signed(ADMIN_A), DOCTOR_A, StaffRole::Doctor),
			Error::<Test>::SameRole
		);
		assert_noop!(
			Institutions::change_staff_role(signed(ADMIN_A), NURSE_B, StaffRole::Doctor),
			Error::<Test>::NotStaff
		);
		assert_ok!(Institutions::change_staff_role(signed(ADMIN_A), DOCTOR_A, StaffRole::Clerk));
		assert_eq!(
			last_event(),
			Event::StaffRoleChanged { institution: 0, who: DOCTOR_A, role: StaffRole::Clerk }
		);
		assert_eq!(Pallet::<Test>::active_staff(&DOCTOR_A), Some((0, StaffRole::Clerk)));
	});
}

#[test]
fn a_removed_staff_member_is_released_and_may_join_elsewhere() {
	new_test_ext().execute_with(|| {
		assert_noop!(Institutions::remove_staff(signed(ADMIN_A), NURSE_B), Error::<Test>::NotStaff);
		assert_ok!(Institutions::remove_staff(signed(ADMIN_A), DOCTOR_A));
		assert_eq!(last_event(), Event::StaffRemoved { institution: 0, who: DOCTOR_A });
		assert_eq!(Pallet::<Test>::active_staff(&DOCTOR_A), None);
		assert_eq!(InstitutionRecords::<Test>::get(0).unwrap().staff_count, 0);
		assert_eq!(providers(DOCTOR_A), 0);
		assert_noop!(
			Institutions::remove_staff(signed(ADMIN_A), DOCTOR_A),
			Error::<Test>::NotStaff
		);

		assert_ok!(Institutions::add_staff(signed(ADMIN_B), DOCTOR_A, StaffRole::Doctor));
		assert_eq!(Pallet::<Test>::active_staff(&DOCTOR_A), Some((1, StaffRole::Doctor)));
	});
}

#[test]
fn a_suspended_institutions_admin_and_staff_can_do_nothing_until_reinstated() {
	new_test_ext().execute_with(|| {
		assert_ok!(Institutions::suspend_institution(root(), 0));
		assert_eq!(last_event(), Event::InstitutionSuspended { institution: 0 });

		assert_eq!(Pallet::<Test>::active_staff(&DOCTOR_A), None);
		assert_eq!(Pallet::<Test>::active_admin(&ADMIN_A), None);
		assert!(!Pallet::<Test>::is_active(0));
		assert!(Pallet::<Test>::exists(0));
		assert_noop!(
			Institutions::add_staff(signed(ADMIN_A), 12, StaffRole::Nurse),
			Error::<Test>::InstitutionSuspended
		);
		assert_noop!(
			Institutions::remove_staff(signed(ADMIN_A), DOCTOR_A),
			Error::<Test>::InstitutionSuspended
		);
		assert_noop!(
			Institutions::add_validator(root(), 0, 101),
			Error::<Test>::InstitutionSuspended
		);
		assert_noop!(Institutions::suspend_institution(root(), 0), Error::<Test>::AlreadySuspended);

		assert_ok!(Institutions::reinstate_institution(root(), 0));
		assert_eq!(last_event(), Event::InstitutionReinstated { institution: 0 });
		assert_eq!(Pallet::<Test>::active_staff(&DOCTOR_A), Some((0, StaffRole::Doctor)));
		assert_noop!(Institutions::reinstate_institution(root(), 0), Error::<Test>::NotSuspended);
	});
}

#[test]
fn status_changes_of_an_unknown_institution_are_refused() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			Institutions::suspend_institution(root(), 7),
			Error::<Test>::UnknownInstitution
		);
		assert_noop!(
			Institutions::reinstate_institution(root(), 7),
			Error::<Test>::UnknownInstitution
		);
		assert_noop!(Institutions::expel_institution(root(), 7), Error::<Test>::UnknownInstitution);
		assert_noop!(Institutions::replace_admin(root(), 7, 30), Error::<Test>::UnknownInstitution);
		assert_noop!(Institutions::add_validator(root(), 7, 30), Error::<Test>::UnknownInstitution);
	});
}

#[test]
fn an_expelled_institution_releases_its_accounts_and_stays_expelled() {
	new_test_ext().execute_with(|| {
		assert_ok!(Institutions::expel_institution(root(), 0));
		assert_eq!(
			last_event(),
			Event::InstitutionExpelled { institution: 0, staff_released: 1, validators_removed: 1 }
		);
		let hospital = InstitutionRecords::<Test>::get(0).unwrap();
		assert_eq!(hospital.status, InstitutionStatus::Expelled);
		assert_eq!((hospital.staff_count, hospital.validator_count), (0, 0));
		for who in [ADMIN_A, DOCTOR_A, VALIDATOR_A] {
			assert_eq!(Affiliations::<Test>::get(who), None);
			assert_eq!(providers(who), 0);
		}
		assert_eq!(Pallet::<Test>::validator_accounts(), vec![VALIDATOR_B]);
		assert!(ValidatorSetChanged::<Test>::get());

		assert_noop!(
			Institutions::expel_institution(root(), 0),
			Error::<Test>::InstitutionExpelled
		);
		assert_noop!(
			Institutions::suspend_institution(root(), 0),
			Error::<Test>::InstitutionExpelled
		);
		assert_noop!(
			Institutions::reinstate_institution(root(), 0),
			Error::<Test>::InstitutionExpelled
		);
		assert_noop!(
			Institutions::replace_admin(root(), 0, 30),
			Error::<Test>::InstitutionExpelled
		);
		assert_noop!(
			Institutions::add_validator(root(), 0, 30),
			Error::<Test>::InstitutionExpelled
		);

		// The released doctor may work for another institution.
		assert_ok!(Institutions::add_staff(signed(ADMIN_B), DOCTOR_A, StaffRole::Doctor));
	});
}

#[test]
fn expelling_the_institution_that_runs_every_validator_is_refused() {
	new_test_ext().execute_with(|| {
		assert_ok!(Institutions::remove_validator(root(), VALIDATOR_B));
		assert_noop!(
			Institutions::expel_institution(root(), 0),
			Error::<Test>::WouldRemoveAllValidators
		);
		// An institution without validators can always be expelled.
		assert_ok!(Institutions::expel_institution(root(), 1));
	});
}

#[test]
fn governance_replaces_a_lost_admin_key() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			Institutions::replace_admin(root(), 0, NURSE_B),
			Error::<Test>::AlreadyAffiliated
		);
		assert_ok!(Institutions::replace_admin(root(), 0, 30));
		assert_eq!(last_event(), Event::AdminReplaced { institution: 0, old: ADMIN_A, new: 30 });
		assert_eq!(Pallet::<Test>::active_admin(&30), Some(0));
		assert_eq!(Pallet::<Test>::active_admin(&ADMIN_A), None);
		assert_eq!(providers(ADMIN_A), 0);
		assert_noop!(
			Institutions::add_staff(signed(ADMIN_A), 12, StaffRole::Nurse),
			Error::<Test>::NotAnAdmin
		);
		assert_ok!(Institutions::add_staff(signed(30), 12, StaffRole::Nurse));
	});
}

#[test]
fn validator_changes_reach_the_session_pallet_once() {
	new_test_ext().execute_with(|| {
		// Genesis hands over the initial set, and nothing changes until governance acts.
		assert_eq!(
			<Pallet<Test> as SessionManager<u64>>::new_session_genesis(0),
			Some(vec![VALIDATOR_A, VALIDATOR_B])
		);
		assert_eq!(<Pallet<Test> as SessionManager<u64>>::new_session(1), None);

		assert_ok!(Institutions::add_validator(root(), 1, 201));
		assert_eq!(last_event(), Event::ValidatorAdded { institution: 1, who: 201 });
		assert_eq!(Pallet::<Test>::active_staff(&201), None);
		assert_eq!(providers(201), 1);

		assert_eq!(
			<Pallet<Test> as SessionManager<u64>>::new_session(2),
			Some(vec![VALIDATOR_A, VALIDATOR_B, 201])
		);
		assert_eq!(last_event(), Event::ValidatorSetPlanned { session: 2, validators: 3 });
		assert_eq!(<Pallet<Test> as SessionManager<u64>>::new_session(3), None);

		assert_ok!(Institutions::remove_validator(root(), VALIDATOR_A));
		assert_eq!(last_event(), Event::ValidatorRemoved { institution: 0, who: VALIDATOR_A });
		assert_eq!(providers(VALIDATOR_A), 0);
		assert_eq!(InstitutionRecords::<Test>::get(0).unwrap().validator_count, 0);
		assert_eq!(
			<Pallet<Test> as SessionManager<u64>>::new_session(4),
			Some(vec![VALIDATOR_B, 201])
		);
	});
}

#[test]
fn the_validator_set_is_bounded_and_never_empty() {
	new_test_ext().execute_with(|| {
		assert_ok!(Institutions::add_validator(root(), 0, 101));
		assert_noop!(Institutions::add_validator(root(), 0, 102), Error::<Test>::TooManyValidators);
		assert_noop!(
			Institutions::remove_validator(root(), STRANGER),
			Error::<Test>::NotAValidator
		);
		assert_ok!(Institutions::remove_validator(root(), VALIDATOR_A));
		assert_ok!(Institutions::remove_validator(root(), VALIDATOR_B));
		assert_noop!(Institutions::remove_validator(root(), 101), Error::<Test>::LastValidator);
	});
}

mod transaction_gate {
	use super::*;

	fn remark() -> RuntimeCall {
		RuntimeCall::System(frame_system::Call::remark { remark: vec![] })
	}

	fn validate(who: u64) -> Result<(), InvalidTransaction> {
		CheckMembership::<Test>::new()
			.validate_only(
				signed(who).into(),
				&remark(),
				&DispatchInfo::default(),
				0,
				TransactionSource::External,
				0,
			)
			.map(|_| ())
			.map_err(|e| match e {
				sp_runtime::transaction_validity::TransactionValidityError::Invalid(i) => i,
				other => panic!("unexpected validity error {other:?}"),
			})
	}

	fn include(who: u64) {
		CheckMembership::<Test>::new()
			.validate_and_prepare(signed(who).into(), &remark(), &DispatchInfo::default(), 0, 0)
			.expect("the transaction is accepted");
	}

	#[test]
	fn members_pass_and_strangers_are_rejected_as_bad_signers() {
		new_test_ext().execute_with(|| {
			for member in [ADMIN_A, DOCTOR_A, NURSE_B, VALIDATOR_A] {
				assert_eq!(validate(member), Ok(()));
			}
			assert_eq!(validate(STRANGER), Err(InvalidTransaction::BadSigner));
		});
	}

	#[test]
	fn a_suspended_institutions_staff_are_rejected_but_its_validator_keeps_running() {
		new_test_ext().execute_with(|| {
			assert_ok!(Institutions::suspend_institution(root(), 0));
			assert_eq!(validate(ADMIN_A), Err(InvalidTransaction::BadSigner));
			assert_eq!(validate(DOCTOR_A), Err(InvalidTransaction::BadSigner));
			assert_eq!(validate(VALIDATOR_A), Ok(()));
		});
	}

	#[test]
	fn a_removed_staff_member_is_rejected_at_once() {
		new_test_ext().execute_with(|| {
			assert_ok!(Institutions::remove_staff(signed(ADMIN_A), DOCTOR_A));
			assert_eq!(validate(DOCTOR_A), Err(InvalidTransaction::BadSigner));
		});
	}

	#[test]
	fn an_account_may_have_at_most_max_transactions_in_one_block() {
		new_test_ext().execute_with(|| {
			include(DOCTOR_A);
			include(DOCTOR_A);
			assert_eq!(validate(DOCTOR_A), Err(InvalidTransaction::ExhaustsResources));
			// Others are not held back by one busy account.
			assert_eq!(validate(NURSE_B), Ok(()));

			System::set_block_number(2);
			assert_eq!(validate(DOCTOR_A), Ok(()));
		});
	}

	#[test]
	fn unsigned_transactions_are_left_to_their_pallets() {
		use sp_runtime::traits::TransactionExtension;
		new_test_ext().execute_with(|| {
			let (_, val, _) = CheckMembership::<Test>::new()
				.validate(
					RuntimeOrigin::none().into(),
					&remark(),
					&DispatchInfo::default(),
					0,
					(),
					&sp_runtime::traits::TxBaseImplication(()),
					TransactionSource::External,
				)
				.expect("the gate does not judge unsigned transactions");
			assert_eq!(val, None);
		});
	}

	#[test]
	fn the_gate_adds_no_bytes_to_a_transaction() {
		use codec::Encode;
		assert!(CheckMembership::<Test>::new().encode().is_empty());
	}
}
