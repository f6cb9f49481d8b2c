//! Scenarios of the patient registry.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, traits::Contains};
use pallet_institutions::InstitutionMembership;

fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn last_event() -> Event<Test> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Registry(event) => Some(event),
			_ => None,
		})
		.last()
		.expect("a patients event was deposited")
}

fn providers(who: u64) -> u32 {
	frame_system::Pallet::<Test>::providers(&who)
}

/// Registers GRANDMA at the hospital (patient 0) and GRANDPA at the centre (patient 1).
fn register_grandparents() {
	assert_ok!(Registry::register_patient(signed(HOSPITAL_CLERK), GRANDMA, commitment(1)));
	assert_ok!(Registry::register_patient(signed(CENTRE_NURSE), GRANDPA, commitment(2)));
}

mod registration {
	use super::*;

	#[test]
	fn a_patient_registered_at_two_hospitals_gets_one_entry() {
		new_test_ext().execute_with(|| {
			assert_ok!(Registry::register_patient(signed(HOSPITAL_CLERK), GRANDMA, commitment(7)));
			assert_eq!(
				last_event(),
				Event::PatientRegistered { patient: 0, account: GRANDMA, institution: HOSPITAL }
			);

			// The community health centre registers the same person, who brought a new card.
			assert_noop!(
				Registry::register_patient(signed(CENTRE_NURSE), NEW_PHONE, commitment(7)),
				Error::<Test>::AlreadyRegistered(ExistingPatient::from(0))
			);
			assert_eq!(NextPatientId::<Test>::get(), 1);
			assert_eq!(Pallet::<Test>::info(0).unwrap().registered_by, HOSPITAL);
		});
	}

	#[test]
	fn the_duplicate_error_names_the_existing_patient() {
		let existing = ExistingPatient::from(0x00AB_CDEF);
		assert_eq!(existing.0, [0xEF, 0xCD, 0xAB]);
		assert_eq!(PatientId::from(existing), 0x00AB_CDEF);
		assert_eq!(MAX_PATIENT_ID, 0x00FF_FFFF);
	}

	#[test]
	fn one_key_cannot_be_two_patients() {
		new_test_ext().execute_with(|| {
			register_grandparents();
			assert_noop!(
				Registry::register_patient(signed(HOSPITAL_DOCTOR), GRANDMA, commitment(3)),
				Error::<Test>::AccountIsPatient
			);
		});
	}

	#[test]
	fn only_staff_of_an_active_institution_register_patients() {
		new_test_ext().execute_with(|| {
			for outsider in [HOSPITAL_ADMIN, VALIDATOR, GRANDMA] {
				assert_noop!(
					Registry::register_patient(signed(outsider), DAUGHTER, commitment(9)),
					Error::<Test>::NotActiveStaff
				);
			}
			assert_ok!(Institutions::suspend_institution(RuntimeOrigin::root(), CENTRE));
			assert_noop!(
				Registry::register_patient(signed(CENTRE_NURSE), DAUGHTER, commitment(9)),
				Error::<Test>::NotActiveStaff
			);
		});
	}

	#[test]
	fn a_registered_patient_exists_and_may_transact() {
		new_test_ext().execute_with(|| {
			assert!(!PatientMembers::<Test>::contains(&GRANDMA));
			register_grandparents();
			assert_eq!(providers(GRANDMA), 1);
			assert!(PatientMembers::<Test>::contains(&GRANDMA));
			assert_eq!(Pallet::<Test>::actor_for(&GRANDMA, 0), Some(Actor::Patient));
			assert_eq!(Pallet::<Test>::actor_for(&GRANDMA, 1), None);
			assert!(Pallet::<Test>::exists(1));
			assert!(!Pallet::<Test>::exists(2));
		});
	}

	#[test]
	fn patient_ids_stop_at_24_bits() {
		new_test_ext().execute_with(|| {
			NextPatientId::<Test>::put(MAX_PATIENT_ID + 1);
			assert_noop!(
				Registry::register_patient(signed(HOSPITAL_CLERK), GRANDMA, commitment(1)),
				Error::<Test>::TooManyPatients
			);
		});
	}

	#[test]
	fn no_call_and_no_stored_entry_can_hold_free_text() {
		use scale_info::{form::PortableForm, PortableRegistry, Registry, TypeDef};

		fn free_text_types(registry: &PortableRegistry) -> Vec<String> {
			let is_byte = |id: u32| {
				matches!(
					registry.resolve(id).map(|t| &t.type_def),
					Some(TypeDef::<PortableForm>::Primitive(scale_info::TypeDefPrimitive::U8))
				)
			};
			registry
				.types
				.iter()
				.filter(|t| match &t.ty.type_def {
					TypeDef::Sequence(seq) => is_byte(seq.type_param.id),
					TypeDef::Primitive(scale_info::TypeDefPrimitive::Str) => true,
					_ => false,
				})
				.map(|t| format!("{:?}", t.ty.path))
				.collect()
		}

		let mut registry = Registry::new();
		registry.register_type(&scale_info::meta_type::<Call<Test>>());
		registry.register_type(&scale_info::meta_type::<PatientOf<Test>>());
		registry.register_type(&scale_info::meta_type::<RecoveryOf<Test>>());
		let registry: PortableRegistry = registry.into();
		assert_eq!(free_text_types(&registry), Vec::<String>::new());
	}
}

mod programmes {
	use super::*;

	#[test]
	fn staff_enrol_a_patient_in_a_programme_their_institution_manages() {
		new_test_ext().execute_with(|| {
			register_grandparents();
			assert_ok!(Registry::enrol(signed(CENTRE_NURSE), 0, Programme::Hypertension));
			assert_eq!(
				last_event(),
				Event::Enrolled {
					patient: 0,
					programme: Programme::Hypertension,
					institution: CENTRE
				}
			);
			let enrolments = Pallet::<Test>::info(0).unwrap().enrolments;
			assert_eq!(
				enrolments,
				vec![Enrolment {
					programme: Programme::Hypertension,
					institution: CENTRE,
					enrolled_at: 1
				}]
			);
		});
	}

	#[test]
	fn enrolment_is_once_per_programme_bounded_and_for_known_patients() {
		new_test_ext().execute_with(|| {
			register_grandparents();
			assert_ok!(Registry::enrol(signed(HOSPITAL_DOCTOR), 0, Programme::Hypertension));
			assert_noop!(
				Registry::enrol(signed(CENTRE_NURSE), 0, Programme::Hypertension),
				Error::<Test>::AlreadyEnrolled
			);
			assert_ok!(Registry::enrol(signed(HOSPITAL_DOCTOR), 0, Programme::Type2Diabetes));
			assert_ok!(Registry::enrol(
				signed(HOSPITAL_DOCTOR),
				0,
				Programme::ChronicKidneyDisease
			));
			assert_noop!(
				Registry::enrol(signed(HOSPITAL_DOCTOR), 0, Programme::Copd),
				Error::<Test>::TooManyProgrammes
			);
			assert_noop!(
				Registry::enrol(signed(HOSPITAL_DOCTOR), 9, Programme::Copd),
				Error::<Test>::UnknownPatient
			);
			assert_noop!(
				Registry::enrol(signed(HOSPITAL_ADMIN), 1, Programme::Copd),
				Error::<Test>::NotActiveStaff
			);
		});
	}

	#[test]
	fn only_the_managing_institution_discharges() {
		new_test_ext().execute_with(|| {
			register_grandparents();
			assert_ok!(Registry::enrol(signed(HOSPITAL_DOCTOR), 1, Programme::Type2Diabetes));
			assert_noop!(
				Registry::discharge(signed(CENTRE_NURSE), 1, Programme::Type2Diabetes),
				Error::<Test>::NotManagingInstitution
			);
			assert_noop!(
				Registry::discharge(signed(HOSPITAL_DOCTOR), 1, Programme::Hypertension),
				Error::<Test>::NotEnrolled
			);
			assert_noop!(
				Registry::discharge(signed(HOSPITAL_DOCTOR), 5, Programme::Hypertension),
				Error::<Test>::UnknownPatient
			);
			assert_ok!(Registry::discharge(signed(HOSPITAL_CLERK), 1, Programme::Type2Diabetes));
			assert_eq!(
				last_event(),
				Event::Discharged {
					patient: 1,
					programme: Programme::Type2Diabetes,
					institution: HOSPITAL
				}
			);
			// Now the centre may take the patient into its own programme.
			assert_ok!(Registry::enrol(signed(CENTRE_NURSE), 1, Programme::Type2Diabetes));
		});
	}
}

mod guardians {
	use super::*;

	#[test]
	fn a_patient_names_a_guardian_who_may_then_act_and_transact() {
		new_test_ext().execute_with(|| {
			register_grandparents();
			assert_ok!(Registry::add_guardian(signed(GRANDMA), DAUGHTER));
			assert_eq!(last_event(), Event::GuardianAdded { patient: 0, guardian: DAUGHTER });
			assert_eq!(Pallet::<Test>::actor_for(&DAUGHTER, 0), Some(Actor::Guardian));
			assert_eq!(Pallet::<Test>::actor_for(&DAUGHTER, 1), None);
			assert!(PatientMembers::<Test>::contains(&DAUGHTER));
			assert_eq!(providers(DAUGHTER), 1);
			assert_eq!(Pallet::<Test>::info(0).unwrap().guardians, vec![DAUGHTER]);
		});
	}

	#[test]
	fn guardians_are_bounded_distinct_and_not_the_patient() {
		new_test_ext().execute_with(|| {
			register_grandparents();
			assert_noop!(Registry::add_guardian(signed(DAUGHTER), SON), Error::<Test>::NotAPatient);
			assert_noop!(
				Registry::add_guardian(signed(GRANDMA), GRANDMA),
				Error::<Test>::CannotGuardSelf
			);
			assert_ok!(Registry::add_guardian(signed(GRANDMA), DAUGHTER));
			assert_noop!(
				Registry::add_guardian(signed(GRANDMA), DAUGHTER),
				Error::<Test>::AlreadyGuardian
			);
			assert_ok!(Registry::add_guardian(signed(GRANDMA), SON));
			assert_noop!(
				Registry::add_guardian(signed(GRANDMA), NEIGHBOUR),
				Error::<Test>::TooManyGuardians
			);
		});
	}

	#[test]
	fn a_guardian_guards_at_most_max_wards() {
		new_test_ext().execute_with(|| {
			register_grandparents();
			assert_ok!(Registry::register_patient(
				signed(HOSPITAL_CLERK),
				NEW_PHONE,
				commitment(3)
			));
			assert_ok!(Registry::add_guardian(signed(GRANDMA), NEIGHBOUR));
			assert_ok!(Registry::add_guardian(signed(GRANDPA), NEIGHBOUR));
			assert_noop!(
				Registry::add_guardian(signed(NEW_PHONE), NEIGHBOUR),
				Error::<Test>::TooManyWards
			);
		});
	}

	#[test]
	fn a_removed_guardian_can_no_longer_act_or_transact() {
		new_test_ext().execute_with(|| {
			register_grandparents();
			assert_ok!(Registry::add_guardian(signed(GRANDMA), DAUGHTER));
			assert_noop!(
				Registry::remove_guardian(signed(GRANDMA), SON),
				Error::<Test>::NotAGuardian
			);
			assert_noop!(
				Registry::remove_guardian(signed(SON), DAUGHTER),
				Error::<Test>::NotAPatient
			);
			assert_ok!(Registry::remove_guardian(signed(GRANDMA), DAUGHTER));
			assert_eq!(last_event(), Event::GuardianRemoved { patient: 0, guardian: DAUGHTER });
			assert_eq!(Pallet::<Test>::actor_for(&DAUGHTER, 0), None);
			assert!(!PatientMembers::<Test>::contains(&DAUGHTER));
			assert_eq!(providers(DAUGHTER), 0);
		});
	}
}

mod recovery {
	use super::*;

	fn start() {
		assert_ok!(Registry::start_recovery(signed(HOSPITAL_DOCTOR), 0, NEW_PHONE));
	}

	#[test]
	fn a_recovery_completes_only_after_its_delay() {
		new_test_ext().execute_with(|| {
			register_grandparents();
			start();
			assert_eq!(
				last_event(),
				Event::RecoveryStarted {
					patient: 0,
					new_account: NEW_PHONE,
					started_by: HOSPITAL_DOCTOR,
					executable_at: 1 + RECOVERY_DELAY
				}
			);
			assert_eq!(Pallet::<Test>::info(0).unwrap().recovery.unwrap().new_account, NEW_PHONE);

			System::set_block_number(RECOVERY_DELAY);
			assert_noop!(
				Registry::complete_recovery(signed(HOSPITAL_CLERK), 0),
				Error::<Test>::RecoveryDelayNotPassed
			);

			System::set_block_number(1 + RECOVERY_DELAY);
			assert_ok!(Registry::complete_recovery(signed(HOSPITAL_CLERK), 0));
			assert_eq!(
				last_event(),
				Event::RecoveryCompleted {
					patient: 0,
					old_account: GRANDMA,
					new_account: NEW_PHONE
				}
			);
			assert_eq!(Pallet::<Test>::actor_for(&NEW_PHONE, 0), Some(Actor::Patient));
			assert_eq!(Pallet::<Test>::actor_for(&GRANDMA, 0), None);
			assert!(!PatientMembers::<Test>::contains(&GRANDMA));
			assert_eq!((providers(GRANDMA), providers(NEW_PHONE)), (0, 1));
			assert_eq!(Pallet::<Test>::info(0).unwrap().recovery, None);
			// The commitment still finds the patient.
			assert_eq!(PatientByCommitment::<Test>::get(commitment(1)), Some(0));
		});
	}

	#[test]
	fn only_the_registering_institution_recovers_a_key() {
		new_test_ext().execute_with(|| {
			register_grandparents();
			assert_noop!(
				Registry::start_recovery(signed(CENTRE_NURSE), 0, NEW_PHONE),
				Error::<Test>::NotRegisteringInstitution
			);
			assert_noop!(
				Registry::start_recovery(signed(HOSPITAL_ADMIN), 0, NEW_PHONE),
				Error::<Test>::NotActiveStaff
			);
			assert_noop!(
				Registry::start_recovery(signed(HOSPITAL_DOCTOR), 8, NEW_PHONE),
				Error::<Test>::UnknownPatient
			);
			assert_noop!(
				Registry::start_recovery(signed(HOSPITAL_DOCTOR), 0, GRANDPA),
				Error::<Test>::AccountIsPatient
			);
			start();
			assert_noop!(
				Registry::start_recovery(signed(HOSPITAL_DOCTOR), 0, SON),
				Error::<Test>::RecoveryAlreadyStarted
			);
			System::set_block_number(1 + RECOVERY_DELAY);
			assert_noop!(
				Registry::complete_recovery(signed(CENTRE_NURSE), 0),
				Error::<Test>::NotRegisteringInstitution
			);
		});
	}

	#[test]
	fn the_old_key_can_cancel_a_recovery() {
		new_test_ext().execute_with(|| {
			register_grandparents();
			start();
			assert_ok!(Registry::cancel_recovery(signed(GRANDMA), 0));
			assert_eq!(
				last_event(),
				Event::RecoveryCancelled { patient: 0, cancelled_by: GRANDMA }
			);
			System::set_block_number(1 + RECOVERY_DELAY);
			assert_noop!(
				Registry::complete_recovery(signed(HOSPITAL_CLERK), 0),
				Error::<Test>::NoRecovery
			);
			assert_eq!(Pallet::<Test>::actor_for(&GRANDMA, 0), Some(Actor::Patient));
		});
	}

	#[test]
	fn a_guardian_can_cancel_a_recovery_and_a_stranger_cannot() {
		new_test_ext().execute_with(|| {
			register_grandparents();
			assert_ok!(Registry::add_guardian(signed(GRANDMA), DAUGHTER));
			assert_noop!(Registry::cancel_recovery(signed(DAUGHTER), 0), Error::<Test>::NoRecovery);
			start();
			assert_noop!(
				Registry::cancel_recovery(signed(GRANDPA), 0),
				Error::<Test>::NotPatientOrGuardian
			);
			assert_noop!(
				Registry::cancel_recovery(signed(HOSPITAL_DOCTOR), 0),
				Error::<Test>::NotPatientOrGuardian
			);
			assert_ok!(Registry::cancel_recovery(signed(DAUGHTER), 0));
			assert_eq!(
				last_event(),
				Event::RecoveryCancelled { patient: 0, cancelled_by: DAUGHTER }
			);
		});
	}

	#[test]
	fn a_recovery_cannot_take_a_key_that_became_a_patients_meanwhile() {
		new_test_ext().execute_with(|| {
			register_grandparents();
			start();
			assert_ok!(Registry::register_patient(signed(CENTRE_NURSE), NEW_PHONE, commitment(5)));
			System::set_block_number(1 + RECOVERY_DELAY);
			assert_noop!(
				Registry::complete_recovery(signed(HOSPITAL_CLERK), 0),
				Error::<Test>::AccountIsPatient
			);
		});
	}
}

#[test]
fn staff_of_a_suspended_institution_can_do_nothing_here() {
	new_test_ext().execute_with(|| {
		register_grandparents();
		assert_ok!(Institutions::suspend_institution(RuntimeOrigin::root(), HOSPITAL));
		assert!(!Institutions::is_active(HOSPITAL));
		assert_noop!(
			Registry::enrol(signed(HOSPITAL_DOCTOR), 0, Programme::Hypertension),
			Error::<Test>::NotActiveStaff
		);
		assert_noop!(
			Registry::discharge(signed(HOSPITAL_DOCTOR), 0, Programme::Hypertension),
			Error::<Test>::NotActiveStaff
		);
		assert_noop!(
			Registry::start_recovery(signed(HOSPITAL_DOCTOR), 0, NEW_PHONE),
			Error::<Test>::NotActiveStaff
		);
		assert_noop!(
			Registry::complete_recovery(signed(HOSPITAL_DOCTOR), 0),
			Error::<Test>::NotActiveStaff
		);
	});
}
