//! Scenarios of consent, referral and the access audit trail.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, BoundedVec};
use pallet_patients::Actor;
use pallet_records::Category;

fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn last_event() -> Event<Test> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Consent(event) => Some(event),
			_ => None,
		})
		.last()
		.expect("a consent event was deposited")
}

fn set_time(ms: u64) {
	pallet_timestamp::Now::<Test>::put(ms);
}

fn observations() -> AccessTarget {
	AccessTarget::Category(Category::Observation)
}

fn only(categories: &[Category]) -> Scope {
	Scope::Categories(BoundedVec::truncate_from(categories.to_vec()))
}

/// Grandma grants `grantee` access for `purpose` to every category for a day from now.
fn grant_for_a_day(grantee: Grantee<u64>, purpose: Purpose) -> GrantId {
	assert_ok!(Consent::grant(
		signed(GRANDMA),
		GRANDMA_ID,
		grantee,
		purpose,
		Scope::All,
		None,
		NOW + DAY
	));
	NextGrantId::<Test>::get() - 1
}

fn read(who: u64, purpose: Purpose) -> Result<(), sp_runtime::DispatchError> {
	Consent::log_access(signed(who), GRANDMA_ID, purpose, observations())
}

mod grants {
	use super::*;

	#[test]
	fn a_patient_grants_an_institution_and_its_staff_may_read() {
		new_test_ext().execute_with(|| {
			let grant = grant_for_a_day(Grantee::Institution(HOSPITAL), Purpose::Treatment);
			assert_eq!(
				last_event(),
				Event::GrantCreated {
					grant,
					patient: GRANDMA_ID,
					grantee: Grantee::Institution(HOSPITAL),
					purpose: Purpose::Treatment,
					granted_by: GRANDMA
				}
			);
			let stored = Grants::<Test>::get(grant).unwrap();
			assert_eq!(
				(stored.start, stored.end, stored.granted_as),
				(NOW, NOW + DAY, Actor::Patient)
			);

			assert_ok!(read(HOSPITAL_DOCTOR, Purpose::Treatment));
			assert_eq!(
				last_event(),
				Event::AccessLogged {
					patient: GRANDMA_ID,
					index: 0,
					accessor: HOSPITAL_DOCTOR,
					grant
				}
			);
			let entry = AccessLog::<Test>::get(GRANDMA_ID, 0).unwrap();
			assert_eq!(entry.authority, Authority::Grant(grant));
			assert_eq!((entry.institution, entry.purpose), (HOSPITAL, Purpose::Treatment));
			assert_eq!(
				Consent::may_access(
					&HOSPITAL_COLLEAGUE,
					GRANDMA_ID,
					Category::Condition,
					Purpose::Treatment
				),
				AccessDecision::Allowed(grant)
			);
		});
	}

	#[test]
	fn a_guardian_grants_for_the_patient_and_it_is_recorded_as_theirs() {
		new_test_ext().execute_with(|| {
			assert_ok!(Consent::grant(
				signed(DAUGHTER),
				GRANDMA_ID,
				Grantee::Institution(CENTRE),
				Purpose::Treatment,
				Scope::All,
				None,
				NOW + DAY
			));
			let grant = Grants::<Test>::get(0).unwrap();
			assert_eq!((grant.granted_by, grant.granted_as), (DAUGHTER, Actor::Guardian));
			assert_noop!(
				Consent::grant(
					signed(DAUGHTER),
					GRANDPA_ID,
					Grantee::Institution(CENTRE),
					Purpose::Treatment,
					Scope::All,
					None,
					NOW + DAY
				),
				Error::<Test>::NotPatientOrGuardian
			);
		});
	}

	#[test]
	fn a_grant_to_one_staff_member_does_not_cover_a_colleague() {
		new_test_ext().execute_with(|| {
			let grant = grant_for_a_day(Grantee::Staff(HOSPITAL_DOCTOR), Purpose::Treatment);
			assert_ok!(read(HOSPITAL_DOCTOR, Purpose::Treatment));
			assert_noop!(read(HOSPITAL_COLLEAGUE, Purpose::Treatment), Error::<Test>::NoValidGrant);
			assert_eq!(
				Consent::may_access(
					&HOSPITAL_COLLEAGUE,
					GRANDMA_ID,
					Category::Observation,
					Purpose::Treatment
				),
				AccessDecision::NoGrant
			);
			assert_eq!(
				Consent::may_access(
					&HOSPITAL_DOCTOR,
					GRANDMA_ID,
					Category::Observation,
					Purpose::Treatment
				),
				AccessDecision::Allowed(grant)
			);
		});
	}

	#[test]
	fn a_grant_covers_only_its_scope() {
		new_test_ext().execute_with(|| {
			assert_ok!(Consent::grant(
				signed(GRANDMA),
				GRANDMA_ID,
				Grantee::Institution(HOSPITAL),
				Purpose::Treatment,
				only(&[Category::Observation, Category::Condition]),
				None,
				NOW + DAY
			));
			assert_ok!(read(HOSPITAL_DOCTOR, Purpose::Treatment));
			assert_noop!(
				Consent::log_access(
					signed(HOSPITAL_DOCTOR),
					GRANDMA_ID,
					Purpose::Treatment,
					AccessTarget::Category(Category::MedicationRequest)
				),
				Error::<Test>::NoValidGrant
			);
		});
	}

	#[test]
	fn research_is_refused_under_a_treatment_grant_and_allowed_under_a_research_grant() {
		new_test_ext().execute_with(|| {
			grant_for_a_day(Grantee::Institution(LAB), Purpose::Treatment);
			assert_noop!(read(LAB_RESEARCHER, Purpose::Research), Error::<Test>::NoValidGrant);
			let research = grant_for_a_day(Grantee::Institution(LAB), Purpose::Research);
			assert_ok!(read(LAB_RESEARCHER, Purpose::Research));
			assert_eq!(
				AccessLog::<Test>::get(GRANDMA_ID, 0).unwrap().authority,
				Authority::Grant(research)
			);
			// And a research grant does not cover treatment.
			assert!(Purpose::Research.covers(Purpose::Research));
			assert!(!Purpose::Research.covers(Purpose::Treatment));
			assert!(!Purpose::Treatment.covers(Purpose::Research));
		});
	}

	#[test]
	fn a_grant_holds_from_its_start_until_just_before_its_end() {
		new_test_ext().execute_with(|| {
			let start = NOW + 1_000;
			let end = NOW + 2_000;
			assert_ok!(Consent::grant(
				signed(GRANDMA),
				GRANDMA_ID,
				Grantee::Institution(HOSPITAL),
				Purpose::Treatment,
				Scope::All,
				Some(start),
				end
			));
			assert_noop!(read(HOSPITAL_DOCTOR, Purpose::Treatment), Error::<Test>::NoValidGrant);
			set_time(start);
			assert_ok!(read(HOSPITAL_DOCTOR, Purpose::Treatment));
			set_time(end - 1);
			assert_ok!(read(HOSPITAL_DOCTOR, Purpose::Treatment));
			set_time(end);
			assert_noop!(read(HOSPITAL_DOCTOR, Purpose::Treatment), Error::<Test>::NoValidGrant);
		});
	}

	#[test]
	fn a_revoked_grant_stops_access_at_once() {
		new_test_ext().execute_with(|| {
			let grant = grant_for_a_day(Grantee::Institution(HOSPITAL), Purpose::Treatment);
			assert_ok!(read(HOSPITAL_DOCTOR, Purpose::Treatment));
			assert_noop!(
				Consent::revoke(signed(GRANDPA), grant),
				Error::<Test>::NotPatientOrGuardian
			);
			assert_noop!(
				Consent::revoke(signed(HOSPITAL_DOCTOR), grant),
				Error::<Test>::NotPatientOrGuardian
			);
			assert_ok!(Consent::revoke(signed(DAUGHTER), grant));
			assert_eq!(
				last_event(),
				Event::GrantRevoked { grant, patient: GRANDMA_ID, revoked_by: DAUGHTER }
			);
			assert_noop!(read(HOSPITAL_DOCTOR, Purpose::Treatment), Error::<Test>::NoValidGrant);
			assert_noop!(Consent::revoke(signed(GRANDMA), grant), Error::<Test>::AlreadyRevoked);
			assert_noop!(Consent::revoke(signed(GRANDMA), 99), Error::<Test>::UnknownGrant);
			assert_eq!(Grants::<Test>::get(grant).unwrap().revoked_at, Some(NOW));
		});
	}

	#[test]
	fn bad_grants_are_refused_with_a_named_error() {
		new_test_ext().execute_with(|| {
			let grant = |who, patient, grantee, scope, start, end| {
				Consent::grant(signed(who), patient, grantee, Purpose::Treatment, scope, start, end)
			};
			let hospital = Grantee::Institution(HOSPITAL);
			assert_noop!(
				grant(GRANDMA, 9, hospital.clone(), Scope::All, None, NOW + DAY),
				Error::<Test>::UnknownPatient
			);
			assert_noop!(
				grant(GRANDMA, GRANDMA_ID, hospital.clone(), Scope::All, None, NOW),
				Error::<Test>::InvalidPeriod
			);
			assert_noop!(
				grant(GRANDMA, GRANDMA_ID, hospital.clone(), Scope::All, Some(NOW - 2), NOW - 1),
				Error::<Test>::InvalidPeriod
			);
			assert_noop!(
				grant(GRANDMA, GRANDMA_ID, hospital.clone(), only(&[]), None, NOW + DAY),
				Error::<Test>::EmptyScope
			);
			assert_noop!(
				grant(GRANDMA, GRANDMA_ID, Grantee::Institution(7), Scope::All, None, NOW + DAY),
				Error::<Test>::InstitutionNotActive
			);
			assert_noop!(
				grant(
					GRANDMA,
					GRANDMA_ID,
					Grantee::Staff(HOSPITAL_ADMIN),
					Scope::All,
					None,
					NOW + DAY
				),
				Error::<Test>::GranteeNotStaff
			);
		});
	}

	#[test]
	fn a_patient_has_at_most_max_active_grants_and_finished_ones_make_room() {
		new_test_ext().execute_with(|| {
			let first = grant_for_a_day(Grantee::Institution(HOSPITAL), Purpose::Treatment);
			grant_for_a_day(Grantee::Institution(CENTRE), Purpose::Treatment);
			grant_for_a_day(Grantee::Institution(LAB), Purpose::Research);
			assert_noop!(
				Consent::grant(
					signed(GRANDMA),
					GRANDMA_ID,
					Grantee::Institution(LAB),
					Purpose::InsuranceClaim,
					Scope::All,
					None,
					NOW + DAY
				),
				Error::<Test>::TooManyGrants
			);
			assert_ok!(Consent::revoke(signed(GRANDMA), first));
			grant_for_a_day(Grantee::Institution(LAB), Purpose::InsuranceClaim);
			// Every grant stays in the patient's history.
			assert_eq!(Consent::patient_grants(GRANDMA_ID, None, 10).len(), 4);
		});
	}
}

mod referrals {
	use super::*;

	fn refer_to_centre() -> ReferralId {
		assert_ok!(Consent::request_referral(
			signed(HOSPITAL_DOCTOR),
			GRANDMA_ID,
			CENTRE,
			Scope::All,
			30 * DAY
		));
		NextReferralId::<Test>::get() - 1
	}

	#[test]
	fn a_referral_approved_then_revoked_allows_access_before_and_refuses_it_after() {
		new_test_ext().execute_with(|| {
			let referral = refer_to_centre();
			assert_eq!(
				last_event(),
				Event::ReferralRequested {
					referral,
					patient: GRANDMA_ID,
					from: HOSPITAL,
					to: CENTRE
				}
			);
			assert_noop!(read(CENTRE_NURSE, Purpose::Treatment), Error::<Test>::NoValidGrant);

			assert_ok!(Consent::approve_referral(signed(GRANDMA), referral));
			let grant = NextGrantId::<Test>::get() - 1;
			assert_eq!(last_event(), Event::ReferralApproved { referral, grant });
			let stored = Grants::<Test>::get(grant).unwrap();
			assert_eq!(stored.grantee, Grantee::Institution(CENTRE));
			assert_eq!((stored.purpose, stored.end), (Purpose::Referral, NOW + 30 * DAY));
			assert_eq!(
				Referrals::<Test>::get(referral).unwrap().status,
				ReferralStatus::Approved(grant)
			);

			// The receiving centre reads for the referral and treats the patient.
			assert_ok!(read(CENTRE_NURSE, Purpose::Referral));
			assert_ok!(read(CENTRE_NURSE, Purpose::Treatment));
			// The referral grant is the centre's, not the referring hospital's.
			assert_noop!(read(HOSPITAL_DOCTOR, Purpose::Treatment), Error::<Test>::NoValidGrant);

			assert_ok!(Consent::revoke(signed(GRANDMA), grant));
			assert_noop!(read(CENTRE_NURSE, Purpose::Referral), Error::<Test>::NoValidGrant);
			assert_eq!(AccessLogLength::<Test>::get(GRANDMA_ID), 2);
		});
	}

	#[test]
	fn a_declined_referral_grants_nothing_and_cannot_be_answered_twice() {
		new_test_ext().execute_with(|| {
			let referral = refer_to_centre();
			assert_noop!(
				Consent::decline_referral(signed(GRANDPA), referral),
				Error::<Test>::NotPatientOrGuardian
			);
			assert_ok!(Consent::decline_referral(signed(DAUGHTER), referral));
			assert_eq!(last_event(), Event::ReferralDeclined { referral });
			assert_noop!(read(CENTRE_NURSE, Purpose::Referral), Error::<Test>::NoValidGrant);
			assert_noop!(
				Consent::approve_referral(signed(GRANDMA), referral),
				Error::<Test>::ReferralNotPending
			);
			assert_noop!(
				Consent::approve_referral(signed(GRANDMA), 42),
				Error::<Test>::UnknownReferral
			);
			assert!(Consent::pending_referrals(GRANDMA_ID).is_empty());
		});
	}

	#[test]
	fn bad_referral_requests_are_refused_with_a_named_error() {
		new_test_ext().execute_with(|| {
			let request = |who, patient, to, scope, duration| {
				Consent::request_referral(signed(who), patient, to, scope, duration)
			};
			assert_noop!(
				request(GRANDMA, GRANDMA_ID, CENTRE, Scope::All, DAY),
				Error::<Test>::NotActiveStaff
			);
			assert_noop!(
				request(HOSPITAL_DOCTOR, 9, CENTRE, Scope::All, DAY),
				Error::<Test>::UnknownPatient
			);
			assert_noop!(
				request(HOSPITAL_DOCTOR, GRANDMA_ID, HOSPITAL, Scope::All, DAY),
				Error::<Test>::SameInstitution
			);
			assert_noop!(
				request(HOSPITAL_DOCTOR, GRANDMA_ID, 7, Scope::All, DAY),
				Error::<Test>::InstitutionNotActive
			);
			assert_noop!(
				request(HOSPITAL_DOCTOR, GRANDMA_ID, CENTRE, Scope::All, 0),
				Error::<Test>::ZeroDuration
			);
			assert_noop!(
				request(HOSPITAL_DOCTOR, GRANDMA_ID, CENTRE, only(&[]), DAY),
				Error::<Test>::EmptyScope
			);
			assert_ok!(request(HOSPITAL_DOCTOR, GRANDMA_ID, CENTRE, Scope::All, DAY));
			assert_ok!(request(HOSPITAL_DOCTOR, GRANDMA_ID, LAB, Scope::All, DAY));
			assert_noop!(
				request(HOSPITAL_COLLEAGUE, GRANDMA_ID, CENTRE, Scope::All, DAY),
				Error::<Test>::TooManyPendingReferrals
			);
			assert_eq!(Consent::pending_referrals(GRANDMA_ID).len(), 2);
		});
	}
}

mod access {
	use super::*;

	fn records(hashes: &[[u8; 32]]) -> AccessTarget {
		AccessTarget::Records(BoundedVec::truncate_from(hashes.to_vec()))
	}

	#[test]
	fn reading_named_records_checks_they_are_the_patients_and_in_scope() {
		new_test_ext().execute_with(|| {
			let doctor = signed(HOSPITAL_DOCTOR);
			assert_ok!(Anchors::anchor_record(
				doctor.clone(),
				GRANDMA_ID,
				[1; 32],
				Category::Observation,
				None
			));
			assert_ok!(Anchors::anchor_record(
				doctor.clone(),
				GRANDMA_ID,
				[2; 32],
				Category::MedicationRequest,
				None
			));
			assert_ok!(Anchors::anchor_record(
				doctor.clone(),
				GRANDPA_ID,
				[3; 32],
				Category::Observation,
				None
			));
			assert_ok!(Consent::grant(
				signed(GRANDMA),
				GRANDMA_ID,
				Grantee::Institution(CENTRE),
				Purpose::Treatment,
				only(&[Category::Observation]),
				None,
				NOW + DAY
			));
			let nurse = signed(CENTRE_NURSE);
			let log =
				|target| Consent::log_access(nurse.clone(), GRANDMA_ID, Purpose::Treatment, target);
			assert_ok!(log(records(&[[1; 32]])));
			assert_noop!(log(records(&[[1; 32], [2; 32]])), Error::<Test>::NoValidGrant);
			assert_noop!(log(records(&[[3; 32]])), Error::<Test>::RecordOfAnotherPatient);
			assert_noop!(log(records(&[[9; 32]])), Error::<Test>::UnknownRecord);
			assert_noop!(log(records(&[])), Error::<Test>::NothingAccessed);
		});
	}

	#[test]
	fn a_suspended_institutions_staff_are_refused_even_with_a_grant() {
		new_test_ext().execute_with(|| {
			grant_for_a_day(Grantee::Institution(HOSPITAL), Purpose::Treatment);
			assert_ok!(Institutions::suspend_institution(RuntimeOrigin::root(), HOSPITAL));
			assert_noop!(read(HOSPITAL_DOCTOR, Purpose::Treatment), Error::<Test>::NotActiveStaff);
			assert_eq!(
				Consent::may_access(
					&HOSPITAL_DOCTOR,
					GRANDMA_ID,
					Category::Observation,
					Purpose::Treatment
				),
				AccessDecision::NotActiveStaff
			);
			assert_noop!(
				Consent::emergency_access(
					signed(HOSPITAL_DOCTOR),
					GRANDMA_ID,
					EmergencyReason::LifeThreatening,
					observations()
				),
				Error::<Test>::NotActiveStaff
			);
		});
	}

	#[test]
	fn reads_of_unknown_patients_and_by_outsiders_are_refused() {
		new_test_ext().execute_with(|| {
			assert_noop!(
				Consent::log_access(signed(HOSPITAL_DOCTOR), 9, Purpose::Treatment, observations()),
				Error::<Test>::UnknownPatient
			);
			assert_noop!(read(GRANDMA, Purpose::Treatment), Error::<Test>::NotActiveStaff);
			assert_noop!(read(HOSPITAL_ADMIN, Purpose::Treatment), Error::<Test>::NotActiveStaff);
		});
	}

	#[test]
	fn the_patient_sees_every_read_of_their_records_a_page_at_a_time() {
		new_test_ext().execute_with(|| {
			grant_for_a_day(Grantee::Institution(HOSPITAL), Purpose::Treatment);
			for _ in 0..5 {
				assert_ok!(read(HOSPITAL_DOCTOR, Purpose::Treatment));
			}
			let first = Consent::access_log(GRANDMA_ID, 0, 10);
			assert_eq!(first.iter().map(|(i, _)| *i).collect::<Vec<_>>(), vec![0, 1, 2, 3]);
			let rest = Consent::access_log(GRANDMA_ID, 4, 10);
			assert_eq!(rest.iter().map(|(i, _)| *i).collect::<Vec<_>>(), vec![4]);
			assert!(Consent::access_log(GRANDPA_ID, 0, 10).is_empty());
		});
	}
}

mod emergency {
	use super::*;

	fn break_glass(who: u64) -> Result<(), sp_runtime::DispatchError> {
		Consent::emergency_access(
			signed(who),
			GRANDMA_ID,
			EmergencyReason::PatientUnresponsive,
			observations(),
		)
	}

	#[test]
	fn emergency_access_is_logged_flagged_and_reviewed() {
		new_test_ext().execute_with(|| {
			assert_ok!(break_glass(HOSPITAL_DOCTOR));
			assert_eq!(
				last_event(),
				Event::EmergencyAccessed {
					patient: GRANDMA_ID,
					index: 0,
					doctor: HOSPITAL_DOCTOR,
					reason: EmergencyReason::PatientUnresponsive
				}
			);
			// The patient sees it in their log, and the bureau in its review queue.
			let (_, entry) = Consent::access_log(GRANDMA_ID, 0, 1).pop().unwrap();
			assert_eq!(
				entry.authority,
				Authority::Emergency { reason: EmergencyReason::PatientUnresponsive, review: None }
			);
			assert_eq!(Consent::pending_reviews(None, 10).len(), 1);

			assert_noop!(
				Consent::review_emergency(
					signed(HOSPITAL_ADMIN),
					GRANDMA_ID,
					0,
					ReviewVerdict::Justified
				),
				sp_runtime::DispatchError::BadOrigin
			);
			assert_ok!(Consent::review_emergency(
				RuntimeOrigin::root(),
				GRANDMA_ID,
				0,
				ReviewVerdict::Justified
			));
			assert_eq!(
				last_event(),
				Event::EmergencyReviewed {
					patient: GRANDMA_ID,
					index: 0,
					verdict: ReviewVerdict::Justified
				}
			);
			assert_eq!(
				AccessLog::<Test>::get(GRANDMA_ID, 0).unwrap().authority,
				Authority::Emergency {
					reason: EmergencyReason::PatientUnresponsive,
					review: Some(ReviewVerdict::Justified)
				}
			);
			assert!(Consent::pending_reviews(None, 10).is_empty());
			assert_noop!(
				Consent::review_emergency(
					RuntimeOrigin::root(),
					GRANDMA_ID,
					0,
					ReviewVerdict::Unjustified
				),
				Error::<Test>::NotPendingReview
			);
		});
	}

	#[test]
	fn only_doctors_break_the_glass_and_only_a_few_times_per_window() {
		new_test_ext().execute_with(|| {
			assert_noop!(break_glass(CENTRE_NURSE), Error::<Test>::NotADoctor);
			assert_noop!(break_glass(GRANDMA), Error::<Test>::NotActiveStaff);
			assert_ok!(break_glass(HOSPITAL_DOCTOR));
			assert_ok!(break_glass(HOSPITAL_DOCTOR));
			assert_noop!(break_glass(HOSPITAL_DOCTOR), Error::<Test>::EmergencyLimitReached);
			// A colleague has an allowance of their own; the next window restores the doctor's.
			assert_ok!(break_glass(HOSPITAL_COLLEAGUE));
			System::set_block_number(EMERGENCY_WINDOW);
			assert_ok!(break_glass(HOSPITAL_DOCTOR));
		});
	}
}
