//! A minimal runtime for the institutions pallet's tests.

use crate as pallet_institutions;
use frame_support::{derive_impl, parameter_types, traits::ConstU32};
use frame_system::EnsureRoot;
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
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

parameter_types! {
	pub const MaxTransactionsPerBlock: u32 = 2;
}

impl pallet_institutions::Config for Test {
	type GovernanceOrigin = EnsureRoot<u64>;
	type Members = pallet_institutions::ActiveMembers<Test>;
	type MaxNameLength = ConstU32<16>;
	type MaxInstitutions = ConstU32<3>;
	type MaxStaffPerInstitution = ConstU32<2>;
	type MaxValidators = ConstU32<3>;
	type MaxTransactionsPerBlock = MaxTransactionsPerBlock;
	type WeightInfo = ();
}

/// The bureau's stand-in in these tests is root.
pub const ADMIN_A: u64 = 10;
pub const DOCTOR_A: u64 = 11;
pub const ADMIN_B: u64 = 20;
pub const NURSE_B: u64 = 21;
pub const VALIDATOR_A: u64 = 100;
pub const VALIDATOR_B: u64 = 200;
pub const STRANGER: u64 = 999;

/// Two hospitals: 0 (admin 10, doctor 11, validator 100) and 1 (admin 20, nurse 21,
/// validator 200).
pub fn new_test_ext() -> sp_io::TestExternalities {
	let storage = RuntimeGenesisConfig {
		institutions: pallet_institutions::GenesisConfig {
			institutions: vec![
				(
					crate::InstitutionKind::GeneralHospital,
					b"People's".to_vec(),
					ADMIN_A,
					vec![(DOCTOR_A, crate::StaffRole::Doctor)],
				),
				(
					crate::InstitutionKind::TcmHospital,
					b"TCM".to_vec(),
					ADMIN_B,
					vec![(NURSE_B, crate::StaffRole::Nurse)],
				),
			],
			validators: vec![(VALIDATOR_A, 0), (VALIDATOR_B, 1)],
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
