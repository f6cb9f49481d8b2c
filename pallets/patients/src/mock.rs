//! A runtime with the institutions and patients pallets, for the patients pallet's tests.

use crate as pallet_patients;
use frame_support::{derive_impl, traits::ConstU32};
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
	pub type Institutions = pallet_institutions;

	#[runtime::pallet_index(2)]
	pub type Registry = pallet_patients;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
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

/// Blocks the old key and guardians have to cancel a recovery in these tests.
pub const RECOVERY_DELAY: u64 = 10;

impl pallet_patients::Config for Test {
	type Institutions = Institutions;
	type MaxProgrammes = ConstU32<3>;
	type MaxGuardians = ConstU32<2>;
	type MaxWards = ConstU32<2>;
	type RecoveryDelay = ConstU64<RECOVERY_DELAY>;
	type WeightInfo = ();
}

use frame_support::traits::ConstU64;

/// Institution 0, the county hospital: its doctor and its clerk.
pub const HOSPITAL: u32 = 0;
pub const HOSPITAL_ADMIN: u64 = 10;
pub const HOSPITAL_DOCTOR: u64 = 11;
pub const HOSPITAL_CLERK: u64 = 12;
/// Institution 1, a community health centre: its nurse.
pub const CENTRE: u32 = 1;
pub const CENTRE_ADMIN: u64 = 20;
pub const CENTRE_NURSE: u64 = 21;
/// A validator account, to show that belonging to the consortium is not being staff.
pub const VALIDATOR: u64 = 100;

/// Patient keys and guardians.
pub const GRANDMA: u64 = 1000;
pub const GRANDPA: u64 = 1001;
pub const DAUGHTER: u64 = 2000;
pub const SON: u64 = 2001;
pub const NEIGHBOUR: u64 = 2002;
pub const NEW_PHONE: u64 = 3000;

pub fn commitment(n: u8) -> [u8; 32] {
	[n; 32]
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let storage = RuntimeGenesisConfig {
		institutions: pallet_institutions::GenesisConfig {
			institutions: vec![
				(
					InstitutionKind::GeneralHospital,
					b"County Hospital".to_vec(),
					HOSPITAL_ADMIN,
					vec![(HOSPITAL_DOCTOR, StaffRole::Doctor), (HOSPITAL_CLERK, StaffRole::Clerk)],
				),
				(
					InstitutionKind::CommunityHealthCentre,
					b"Riverside".to_vec(),
					CENTRE_ADMIN,
					vec![(CENTRE_NURSE, StaffRole::Nurse)],
				),
			],
			validators: vec![(VALIDATOR, HOSPITAL)],
		},
		..Default::default()
	}
	.build_storage()
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
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
