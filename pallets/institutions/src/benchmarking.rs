//! Benchmarks of every call of the institutions pallet and of the membership check, each in
//! its worst case.

use super::*;
use crate::Pallet as Consortium;
use alloc::vec;
use frame_benchmarking::v2::*;
use frame_support::{
	dispatch::DispatchInfo,
	traits::{EnsureOrigin, Get},
};
use frame_system::RawOrigin;
use sp_runtime::traits::{DispatchTransaction, Dispatchable};

fn hospital<T: Config>(seed: u32) -> (InstitutionId, T::AccountId) {
	let admin: T::AccountId = account("admin", seed, 0);
	let name = vec![b'h'; T::MaxNameLength::get() as usize];
	let id = Consortium::<T>::do_admit(InstitutionKind::GeneralHospital, name, admin.clone())
		.expect("the consortium has room for benchmark institutions");
	(id, admin)
}

fn fill_staff<T: Config>(institution: InstitutionId, count: u32) {
	for i in 0..count {
		let who: T::AccountId = account("staff", institution * 10_000 + i, 0);
		Consortium::<T>::do_add_staff(institution, who, StaffRole::Nurse)
			.expect("below the staff limit");
	}
}

#[benchmarks(where T::RuntimeCall: Dispatchable<Info = DispatchInfo> + From<frame_system::Call<T>>,
	<T::RuntimeCall as Dispatchable>::RuntimeOrigin:
		sp_runtime::traits::AsSystemOriginSigner<T::AccountId> + From<RawOrigin<T::AccountId>> + Clone,
	T: Send + Sync)]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn admit_institution(n: Linear<1, { T::MaxNameLength::get() }>) -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let admin: T::AccountId = account("admin", 0, 0);

		#[extrinsic_call]
		_(
			origin as T::RuntimeOrigin,
			InstitutionKind::GeneralHospital,
			vec![b'h'; n as usize],
			admin.clone(),
		);

		let admitted = NextInstitutionId::<T>::get() - 1;
		assert_eq!(
			<Consortium<T> as InstitutionMembership<_>>::active_admin(&admin),
			Some(admitted)
		);
		Ok(())
	}

	#[benchmark]
	fn suspend_institution() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let (id, _) = hospital::<T>(0);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id);

		assert!(!<Consortium<T> as InstitutionMembership<_>>::is_active(id));
		Ok(())
	}

	#[benchmark]
	fn reinstate_institution() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let (id, _) = hospital::<T>(0);
		Consortium::<T>::suspend_institution(origin.clone(), id)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id);

		assert!(<Consortium<T> as InstitutionMembership<_>>::is_active(id));
		Ok(())
	}

	#[benchmark]
	fn expel_institution(
		s: Linear<0, { T::MaxStaffPerInstitution::get() }>,
		v: Linear<0, { T::MaxValidators::get() - 1 }>,
	) -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		// Another institution keeps a validator, so the chain is never left without one.
		Validators::<T>::kill();
		let (other, _) = hospital::<T>(1);
		Consortium::<T>::do_add_validator(other, account("validator", 9_999, 0))?;
		let (id, _) = hospital::<T>(0);
		fill_staff::<T>(id, s);
		for i in 0..v {
			Consortium::<T>::do_add_validator(id, account("validator", i, 0))?;
		}

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id);

		assert_eq!(
			crate::Institutions::<T>::get(id).map(|i| i.status),
			Some(InstitutionStatus::Expelled)
		);
		Ok(())
	}

	#[benchmark]
	fn replace_admin() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let (id, _) = hospital::<T>(0);
		let new: T::AccountId = account("new-admin", 0, 0);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, new.clone());

		assert_eq!(<Consortium<T> as InstitutionMembership<_>>::active_admin(&new), Some(id));
		Ok(())
	}

	#[benchmark]
	fn add_staff() {
		let (id, admin) = hospital::<T>(0);
		fill_staff::<T>(id, T::MaxStaffPerInstitution::get() - 1);
		let doctor: T::AccountId = account("doctor", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(admin), doctor.clone(), StaffRole::Doctor);

		assert_eq!(
			<Consortium<T> as InstitutionMembership<_>>::active_staff(&doctor),
			Some((id, StaffRole::Doctor))
		);
	}

	#[benchmark]
	fn change_staff_role() {
		let (id, admin) = hospital::<T>(0);
		let doctor: T::AccountId = account("doctor", 0, 0);
		Consortium::<T>::do_add_staff(id, doctor.clone(), StaffRole::Nurse)
			.expect("room for one doctor");

		#[extrinsic_call]
		_(RawOrigin::Signed(admin), doctor.clone(), StaffRole::Doctor);

		assert_eq!(
			<Consortium<T> as InstitutionMembership<_>>::active_staff(&doctor),
			Some((id, StaffRole::Doctor))
		);
	}

	#[benchmark]
	fn remove_staff() {
		let (id, admin) = hospital::<T>(0);
		let doctor: T::AccountId = account("doctor", 0, 0);
		Consortium::<T>::do_add_staff(id, doctor.clone(), StaffRole::Doctor)
			.expect("room for one doctor");

		#[extrinsic_call]
		_(RawOrigin::Signed(admin), doctor.clone());

		assert_eq!(<Consortium<T> as InstitutionMembership<_>>::active_staff(&doctor), None);
	}

	#[benchmark]
	fn add_validator() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let (id, _) = hospital::<T>(0);
		Validators::<T>::kill();
		for i in 0..T::MaxValidators::get() - 1 {
			Consortium::<T>::do_add_validator(id, account("validator", i, 0))?;
		}
		let node: T::AccountId = account("node", 0, 0);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, node.clone());

		assert!(Consortium::<T>::validator_accounts().contains(&node));
		Ok(())
	}

	#[benchmark]
	fn remove_validator() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let (id, _) = hospital::<T>(0);
		Validators::<T>::kill();
		for i in 0..T::MaxValidators::get() {
			Consortium::<T>::do_add_validator(id, account("validator", i, 0))?;
		}
		// The last one is the worst case: the whole list is searched.
		let last: T::AccountId = account("validator", T::MaxValidators::get() - 1, 0);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, last.clone());

		assert!(!Consortium::<T>::validator_accounts().contains(&last));
		Ok(())
	}

	#[benchmark]
	fn check_membership() {
		let (id, _) = hospital::<T>(0);
		let doctor: T::AccountId = account("doctor", 0, 0);
		Consortium::<T>::do_add_staff(id, doctor.clone(), StaffRole::Doctor)
			.expect("room for one doctor");
		let call: T::RuntimeCall = frame_system::Call::<T>::remark { remark: vec![] }.into();
		let info = DispatchInfo::default();

		#[block]
		{
			CheckMembership::<T>::new()
				.validate_and_prepare(RawOrigin::Signed(doctor.clone()).into(), &call, &info, 0, 0)
				.expect("a doctor of an active institution may transact");
		}
	}

	impl_benchmark_test_suite!(Consortium, crate::mock::new_test_ext_empty(), crate::mock::Test);
}
