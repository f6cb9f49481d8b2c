//! Benchmarks of every call of the records pallet, each in its worst case.

use super::*;
use crate::Pallet as Anchors;
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::traits::Get;
use frame_system::RawOrigin;
use pallet_institutions::{InstitutionMembership, StaffRole};
use pallet_patients::{PatientId, PatientRegistry};

/// A doctor of an active institution, and a patient registered there.
fn doctor_and_patient<T: Config>() -> (T::AccountId, PatientId) {
	let admin: T::AccountId = account("admin", 0, 0);
	let doctor: T::AccountId = account("doctor", 0, 0);
	let institution = T::Institutions::benchmark_institution(&admin, &doctor, StaffRole::Doctor);
	let patient = T::Patients::benchmark_patient(&account("patient", 0, 0), institution);
	(doctor, patient)
}

fn longest_locator<T: Config>() -> Option<Vec<u8>> {
	Some(vec![b'l'; MAX_LOCATOR_LENGTH as usize])
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn anchor_record() {
		let (doctor, patient) = doctor_and_patient::<T>();
		let hash = [7u8; 32];

		#[extrinsic_call]
		_(RawOrigin::Signed(doctor), patient, hash, Category::Observation, longest_locator::<T>());

		assert!(Records::<T>::contains_key(hash));
	}

	#[benchmark]
	fn amend_record() {
		let (doctor, patient) = doctor_and_patient::<T>();
		let (old, new) = ([7u8; 32], [8u8; 32]);
		Anchors::<T>::anchor_record(
			RawOrigin::Signed(doctor.clone()).into(),
			patient,
			old,
			Category::Observation,
			longest_locator::<T>(),
		)
		.expect("the first version anchors");

		#[extrinsic_call]
		_(RawOrigin::Signed(doctor), old, new, Category::Observation, longest_locator::<T>());

		assert_eq!(Records::<T>::get(old).and_then(|r| r.superseded_by), Some(new));
	}

	#[benchmark]
	fn anchor_batch() {
		let (doctor, _) = doctor_and_patient::<T>();
		let root = [9u8; 32];

		#[extrinsic_call]
		_(RawOrigin::Signed(doctor), root, T::MaxBatchLeaves::get());

		assert!(Batches::<T>::contains_key(root));
	}

	impl_benchmark_test_suite!(Anchors, crate::mock::new_test_ext_empty(), crate::mock::Test);
}
