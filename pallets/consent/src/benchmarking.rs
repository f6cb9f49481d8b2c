//! Benchmarks of every call of the consent pallet, each in its worst case.

use super::*;
use crate::Pallet as Consent;
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{EnsureOrigin, Get, Time},
	BoundedVec,
};
use frame_system::RawOrigin;
use pallet_institutions::{InstitutionId, InstitutionMembership, StaffRole};
use pallet_patients::{PatientId, PatientRegistry};
use pallet_records::{Category, RecordRegistry};
use sp_runtime::Saturating;

struct Setup<T: Config> {
	doctor: T::AccountId,
	institution: InstitutionId,
	other_institution: InstitutionId,
	patient_key: T::AccountId,
	patient: PatientId,
}

/// Two institutions, a doctor at the first, and a patient registered there.
fn setup<T: Config>() -> Setup<T> {
	let doctor: T::AccountId = account("doctor", 0, 0);
	let institution =
		T::Institutions::benchmark_institution(&account("admin", 0, 0), &doctor, StaffRole::Doctor);
	let other_institution = T::Institutions::benchmark_institution(
		&account("admin", 1, 0),
		&account("nurse", 1, 0),
		StaffRole::Nurse,
	);
	let patient_key: T::AccountId = account("patient", 0, 0);
	let patient = T::Patients::benchmark_patient(&patient_key, institution);
	Setup { doctor, institution, other_institution, patient_key, patient }
}

fn far_future<T: Config>() -> MomentOf<T> {
	T::Time::now().saturating_add(1_000_000u32.into())
}

fn widest_scope() -> Scope {
	Scope::Categories(BoundedVec::truncate_from(vec![
		Category::Observation;
		MAX_SCOPE_CATEGORIES as usize
	]))
}

/// Fills the patient's active grants with ones that do not cover the doctor, leaving `free`
/// slots.
fn fill_grants<T: Config>(s: &Setup<T>, free: u32) {
	for _ in 0..T::MaxActiveGrants::get() - free {
		Consent::<T>::grant(
			RawOrigin::Signed(s.patient_key.clone()).into(),
			s.patient,
			Grantee::Institution(s.other_institution),
			Purpose::Research,
			widest_scope(),
			None,
			far_future::<T>(),
		)
		.expect("room for a grant");
	}
}

fn referral<T: Config>(s: &Setup<T>) -> ReferralId {
	Consent::<T>::request_referral(
		RawOrigin::Signed(s.doctor.clone()).into(),
		s.patient,
		s.other_institution,
		widest_scope(),
		1_000_000u32.into(),
	)
	.expect("a referral can be requested");
	NextReferralId::<T>::get() - 1
}

fn many_records<T: Config>(s: &Setup<T>) -> AccessTarget {
	let hashes: Vec<[u8; 32]> = (0..MAX_RECORDS_PER_ACCESS)
		.map(|i| {
			let mut hash = [0u8; 32];
			hash[..4].copy_from_slice(&i.to_le_bytes());
			T::Records::benchmark_record(&s.doctor, s.institution, s.patient, hash);
			hash
		})
		.collect();
	AccessTarget::Records(BoundedVec::truncate_from(hashes))
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn grant() {
		let s = setup::<T>();
		fill_grants::<T>(&s, 1);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(s.patient_key.clone()),
			s.patient,
			Grantee::Staff(s.doctor.clone()),
			Purpose::Treatment,
			widest_scope(),
			None,
			far_future::<T>(),
		);

		assert_eq!(ActiveGrants::<T>::get(s.patient).len() as u32, T::MaxActiveGrants::get());
	}

	#[benchmark]
	fn revoke() {
		let s = setup::<T>();
		fill_grants::<T>(&s, 0);
		let last = NextGrantId::<T>::get() - 1;

		#[extrinsic_call]
		_(RawOrigin::Signed(s.patient_key.clone()), last);

		assert!(Grants::<T>::get(last).unwrap().revoked_at.is_some());
	}

	#[benchmark]
	fn request_referral() {
		let s = setup::<T>();
		for _ in 0..T::MaxPendingReferrals::get() - 1 {
			referral::<T>(&s);
		}

		#[extrinsic_call]
		_(
			RawOrigin::Signed(s.doctor.clone()),
			s.patient,
			s.other_institution,
			widest_scope(),
			1_000_000u32.into(),
		);

		assert_eq!(
			PendingReferrals::<T>::get(s.patient).len() as u32,
			T::MaxPendingReferrals::get()
		);
	}

	#[benchmark]
	fn approve_referral() {
		let s = setup::<T>();
		fill_grants::<T>(&s, 1);
		let id = referral::<T>(&s);

		#[extrinsic_call]
		_(RawOrigin::Signed(s.patient_key.clone()), id);

		assert!(matches!(Referrals::<T>::get(id).unwrap().status, ReferralStatus::Approved(_)));
	}

	#[benchmark]
	fn decline_referral() {
		let s = setup::<T>();
		let id = referral::<T>(&s);

		#[extrinsic_call]
		_(RawOrigin::Signed(s.patient_key.clone()), id);

		assert_eq!(Referrals::<T>::get(id).unwrap().status, ReferralStatus::Declined);
	}

	#[benchmark]
	fn log_access(g: Linear<1, { T::MaxActiveGrants::get() }>) {
		let s = setup::<T>();
		// `g - 1` grants that do not cover the doctor come first; the last one does.
		fill_grants::<T>(&s, T::MaxActiveGrants::get() - (g - 1));
		Consent::<T>::grant(
			RawOrigin::Signed(s.patient_key.clone()).into(),
			s.patient,
			Grantee::Staff(s.doctor.clone()),
			Purpose::Treatment,
			widest_scope(),
			None,
			far_future::<T>(),
		)
		.expect("room for the covering grant");
		let target = many_records::<T>(&s);

		#[extrinsic_call]
		_(RawOrigin::Signed(s.doctor.clone()), s.patient, Purpose::Treatment, target);

		assert_eq!(AccessLogLength::<T>::get(s.patient), 1);
	}

	#[benchmark]
	fn emergency_access() {
		let s = setup::<T>();
		let target = many_records::<T>(&s);

		#[extrinsic_call]
		_(RawOrigin::Signed(s.doctor.clone()), s.patient, EmergencyReason::LifeThreatening, target);

		assert!(PendingReviews::<T>::contains_key(s.patient, 0));
	}

	#[benchmark]
	fn review_emergency() -> Result<(), BenchmarkError> {
		let s = setup::<T>();
		Consent::<T>::emergency_access(
			RawOrigin::Signed(s.doctor.clone()).into(),
			s.patient,
			EmergencyReason::LifeThreatening,
			AccessTarget::Category(Category::Observation),
		)
		.expect("a doctor may break the glass");
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, s.patient, 0, ReviewVerdict::Justified);

		assert!(!PendingReviews::<T>::contains_key(s.patient, 0));
		Ok(())
	}

	impl_benchmark_test_suite!(Consent, crate::mock::new_test_ext_empty(), crate::mock::Test);
}
