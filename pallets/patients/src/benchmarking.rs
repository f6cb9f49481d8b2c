//! Benchmarks of every call of the patients pallet, each in its worst case.

use super::*;
use crate::Pallet as Registry;
use frame_benchmarking::v2::*;
use frame_support::traits::Get;
use frame_system::RawOrigin;
use pallet_institutions::{InstitutionId, InstitutionMembership, StaffRole};

/// An active institution and one of its clerks.
fn institution<T: Config>(seed: u32) -> (InstitutionId, T::AccountId) {
	let admin: T::AccountId = account("admin", seed, 0);
	let clerk: T::AccountId = account("clerk", seed, 0);
	let id = T::Institutions::benchmark_institution(&admin, &clerk, StaffRole::Clerk);
	(id, clerk)
}

/// A registered patient with every programme slot but one taken and every guardian slot but
/// one taken, so the call under test touches the fullest lists.
fn patient<T: Config>(institution: InstitutionId) -> (PatientId, T::AccountId) {
	let who: T::AccountId = account("patient", 0, 0);
	let id = Registry::<T>::benchmark_patient(&who, institution);
	let programmes = [
		Programme::Hypertension,
		Programme::Type2Diabetes,
		Programme::ChronicKidneyDisease,
		Programme::CoronaryHeartDisease,
		Programme::HeartFailure,
		Programme::Copd,
	];
	Patients::<T>::mutate(id, |entry| {
		let entry = entry.as_mut().expect("just registered");
		for programme in programmes.into_iter().take(T::MaxProgrammes::get() as usize - 1) {
			let _ = entry.enrolments.try_push(Enrolment {
				programme,
				institution,
				enrolled_at: 0u32.into(),
			});
		}
		for i in 0..T::MaxGuardians::get() - 1 {
			let guardian: T::AccountId = account("guardian", i, 0);
			let _ = entry.guardians.try_push(guardian.clone());
			Wards::<T>::mutate(&guardian, |wards| wards.try_push(id).expect("room for a ward"));
		}
	});
	(id, who)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_patient() {
		let (_, clerk) = institution::<T>(0);
		let who: T::AccountId = account("patient", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(clerk), who.clone(), [7u8; 32]);

		assert_eq!(PatientByAccount::<T>::get(&who), Some(0));
	}

	#[benchmark]
	fn enrol() {
		let (id, clerk) = institution::<T>(0);
		let (patient, _) = patient::<T>(id);

		#[extrinsic_call]
		_(RawOrigin::Signed(clerk), patient, Programme::Stroke);

		assert_eq!(
			Patients::<T>::get(patient).unwrap().enrolments.len() as u32,
			T::MaxProgrammes::get()
		);
	}

	#[benchmark]
	fn discharge() {
		let (id, clerk) = institution::<T>(0);
		let (patient, _) = patient::<T>(id);
		Registry::<T>::enrol(RawOrigin::Signed(clerk.clone()).into(), patient, Programme::Stroke)
			.expect("a free programme slot");

		// The last enrolment is the one searched longest.
		#[extrinsic_call]
		_(RawOrigin::Signed(clerk), patient, Programme::Stroke);

		assert_eq!(
			Patients::<T>::get(patient).unwrap().enrolments.len() as u32,
			T::MaxProgrammes::get() - 1
		);
	}

	#[benchmark]
	fn add_guardian() {
		let (id, _) = institution::<T>(0);
		let (patient, who) = patient::<T>(id);
		let guardian: T::AccountId = account("new-guardian", 0, 0);
		for ward in 1..T::MaxWards::get() {
			Wards::<T>::mutate(&guardian, |wards| wards.try_push(ward + 1_000).expect("room"));
		}

		#[extrinsic_call]
		_(RawOrigin::Signed(who), guardian.clone());

		assert_eq!(Registry::<T>::actor_for(&guardian, patient), Some(Actor::Guardian));
	}

	#[benchmark]
	fn remove_guardian() {
		let (id, _) = institution::<T>(0);
		let (patient, who) = patient::<T>(id);
		let guardian: T::AccountId = account("guardian", T::MaxGuardians::get() - 2, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(who), guardian.clone());

		assert_eq!(Registry::<T>::actor_for(&guardian, patient), None);
	}

	#[benchmark]
	fn start_recovery() {
		let (id, clerk) = institution::<T>(0);
		let (patient, _) = patient::<T>(id);
		let new_key: T::AccountId = account("new-key", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(clerk), patient, new_key);

		assert!(Recoveries::<T>::contains_key(patient));
	}

	#[benchmark]
	fn cancel_recovery() {
		let (id, clerk) = institution::<T>(0);
		let (patient, _) = patient::<T>(id);
		Registry::<T>::start_recovery(
			RawOrigin::Signed(clerk).into(),
			patient,
			account("new-key", 0, 0),
		)
		.expect("a recovery can start");
		// A guardian cancels: the caller is checked against the patient key first.
		let guardian: T::AccountId = account("guardian", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(guardian), patient);

		assert!(!Recoveries::<T>::contains_key(patient));
	}

	#[benchmark]
	fn complete_recovery() {
		let (id, clerk) = institution::<T>(0);
		let (patient, _) = patient::<T>(id);
		let new_key: T::AccountId = account("new-key", 0, 0);
		Registry::<T>::start_recovery(
			RawOrigin::Signed(clerk.clone()).into(),
			patient,
			new_key.clone(),
		)
		.expect("a recovery can start");
		frame_system::Pallet::<T>::set_block_number(
			frame_system::Pallet::<T>::block_number() + T::RecoveryDelay::get(),
		);

		#[extrinsic_call]
		_(RawOrigin::Signed(clerk), patient);

		assert_eq!(PatientByAccount::<T>::get(&new_key), Some(patient));
	}

	impl_benchmark_test_suite!(Registry, crate::mock::new_test_ext_empty(), crate::mock::Test);
}
