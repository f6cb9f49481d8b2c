//! A runtime with institutions, patients and records, for the records pallet's tests.

use crate as pallet_records;
use frame_support::{
	derive_impl,
	traits::{ConstU32, ConstU64},
};
use frame_system::EnsureRoot;
use pallet_institutions::{InstitutionKind, StaffRole};
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;

	#[runtime::pallet_index(2)]
	pub type Institutions = pallet_institutions;

	#[runtime::pallet_index(3)]
	pub type Patients = pallet_patients;

	#[runtime::pallet_index(4)]
	pub type Anchors = pallet_records;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

impl pallet_timestamp::Config for Test {
	type Moment = u64;
	type OnTimestampSet = ();
	type MinimumPeriod = ConstU64<1>;
	type WeightInfo = ();
}

impl pallet_institutions::Config for Test {
	type GovernanceOrigin = EnsureRoot<u64>;
	type Members = pallet_institutions::ActiveMembers<Test>;
	type MaxNameLength = ConstU32<32>;
	type MaxInstitutions = ConstU32<8>;
	type MaxStaffPerInstitution = ConstU32<8>;
	type MaxValidators = ConstU32<4>;
	type MaxTransactionsPerBlock = ConstU32<100>;
	type WeightInfo = ();
}

impl pallet_patients::Config for Test {
	type Institutions = Institutions;
	type MaxProgrammes = ConstU32<4>;
	type MaxGuardians = ConstU32<2>;
	type MaxWards = ConstU32<4>;
	type RecoveryDelay = ConstU64<10>;
	type WeightInfo = ();
}

impl pallet_records::Config for Test {
	type Institutions = Institutions;
	type Patients = Patients;
	type Time = Timestamp;
	type MaxBatchLeaves = ConstU32<1000>;
	type MaxPageSize = ConstU32<3>;
	type WeightInfo = ();
}

pub const HOSPITAL: u32 = 0;
pub const HOSPITAL_ADMIN: u64 = 10;
pub const HOSPITAL_DOCTOR: u64 = 11;
pub const CENTRE: u32 = 1;
pub const CENTRE_ADMIN: u64 = 20;
pub const CENTRE_NURSE: u64 = 21;
pub const GRANDMA: u64 = 1000;
pub const GRANDPA: u64 = 1001;
/// Patient ids of the two registered patients.
pub const GRANDMA_ID: u32 = 0;
pub const GRANDPA_ID: u32 = 1;
/// The chain's time when the tests start, in milliseconds.
pub const NOW: u64 = 1_760_000_000_000;

/// A hospital and a health centre; grandma and grandpa registered at the hospital.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let storage = RuntimeGenesisConfig {
		institutions: pallet_institutions::GenesisConfig {
			institutions: vec![
				(
					InstitutionKind::GeneralHospital,
					b"County Hospital".to_vec(),
					HOSPITAL_ADMIN,
					vec![(HOSPITAL_DOCTOR, StaffRole::Doctor)],
				),
				(
					InstitutionKind::CommunityHealthCentre,
					b"Riverside".to_vec(),
					CENTRE_ADMIN,
					vec![(CENTRE_NURSE, StaffRole::Nurse)],
				),
			],
			validators: vec![],
		},
		..Default::default()
	}
	.build_storage()
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		pallet_timestamp::Now::<Test>::put(NOW);
		let doctor = RuntimeOrigin::signed(HOSPITAL_DOCTOR);
		Patients::register_patient(doctor.clone(), GRANDMA, [1; 32]).unwrap();
		Patients::register_patient(doctor, GRANDPA, [2; 32]).unwrap();
	});
	ext
}

/// A chain with no institutions, for benchmarks that build their own.
#[cfg(feature = "runtime-benchmarks")]
pub fn new_test_ext_empty() -> sp_io::TestExternalities {
	let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}
