//! The runtime as a whole: genesis presets, and the transaction gate as the pool sees it.

use crate::*;
use codec::Encode;
use frame_support::assert_ok;
use frame_system::{
	CheckEra, CheckGenesis, CheckNonZeroSender, CheckNonce, CheckSpecVersion, CheckTxVersion,
	CheckWeight,
};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	generic::Era,
	transaction_validity::{InvalidTransaction, TransactionSource, TransactionValidityError},
	BuildStorage,
};

fn chain_from_preset(preset: &str) -> sp_io::TestExternalities {
	let json = genesis_config_presets::get_preset(&preset.into()).expect("the preset exists");
	let config: RuntimeGenesisConfig =
		serde_json::from_slice(&json).expect("the preset is a complete genesis config");
	let mut ext = sp_io::TestExternalities::new(config.build_storage().expect("genesis builds"));
	ext.execute_with(|| System::set_block_number(1));
	ext
}

fn signed_remark(signer: Sr25519Keyring) -> UncheckedExtrinsic {
	let call = RuntimeCall::System(frame_system::Call::remark { remark: b"hello".to_vec() });
	let extension: TxExtension = (
		CheckMembership::new(),
		CheckNonZeroSender::new(),
		CheckSpecVersion::new(),
		CheckTxVersion::new(),
		CheckGenesis::new(),
		CheckEra::from(Era::Immortal),
		CheckNonce::from(0),
		CheckWeight::new(),
	);
	let payload = SignedPayload::new(call.clone(), extension.clone()).expect("valid payload");
	let signature = payload.using_encoded(|bytes| signer.sign(bytes));
	UncheckedExtrinsic::new_signed(
		call,
		MultiAddress::Id(signer.to_account_id()),
		signature.into(),
		extension,
	)
}

fn pool_validates(signer: Sr25519Keyring) -> Result<(), TransactionValidityError> {
	let parent = System::block_hash(0);
	Executive::validate_transaction(TransactionSource::External, signed_remark(signer), parent)
		.map(|_| ())
}

#[test]
fn the_dev_chain_starts_with_the_consortium_and_one_validator() {
	chain_from_preset(DEV_PRESET).execute_with(|| {
		let validator = Sr25519Keyring::AliceStash.to_account_id();
		assert_eq!(Session::validators(), vec![validator]);
		assert_eq!(
			pallet_aura::Authorities::<Runtime>::get().into_inner(),
			vec![Sr25519Keyring::Alice.public().into()]
		);
		assert_eq!(Grandpa::grandpa_authorities().len(), 1);
		assert_eq!(pallet_institutions::NextInstitutionId::<Runtime>::get(), 4);
		assert_eq!(
			pallet_membership::Members::<Runtime, pallet_membership::Instance1>::get().len(),
			2
		);
		assert_eq!(pallet_collective::Members::<Runtime, configs::BureauInstance>::get().len(), 2);
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(Sr25519Keyring::Alice.to_account_id()));
	});
}

#[test]
fn the_local_chain_has_four_validators_one_per_institution() {
	chain_from_preset(LOCAL_PRESET).execute_with(|| {
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 4);
		assert_eq!(Grandpa::grandpa_authorities().len(), 4);
		let owners: Vec<u32> =
			pallet_institutions::Validators::<Runtime>::get().iter().map(|(_, i)| *i).collect();
		assert_eq!(owners, vec![0, 1, 2, 3]);
		assert_eq!(pallet_node_authorization::WellKnownNodes::<Runtime>::get().len(), 4);
	});
}

#[test]
fn the_pool_accepts_bureau_members_admins_and_staff() {
	chain_from_preset(DEV_PRESET).execute_with(|| {
		for member in [
			Sr25519Keyring::Alice,
			Sr25519Keyring::Bob,
			Sr25519Keyring::Charlie,
			Sr25519Keyring::Dave,
			Sr25519Keyring::Two,
		] {
			assert_eq!(pool_validates(member), Ok(()), "{member:?} is a member");
		}
	});
}

#[test]
fn the_pool_rejects_a_stranger_as_a_bad_signer() {
	chain_from_preset(DEV_PRESET).execute_with(|| {
		assert_eq!(
			pool_validates(Sr25519Keyring::BobStash),
			Err(TransactionValidityError::Invalid(InvalidTransaction::BadSigner))
		);
	});
}

#[test]
fn the_pool_rejects_staff_of_a_suspended_institution() {
	chain_from_preset(DEV_PRESET).execute_with(|| {
		assert_ok!(Institutions::suspend_institution(RuntimeOrigin::root(), 0));
		for suspended in [Sr25519Keyring::Charlie, Sr25519Keyring::Dave] {
			assert_eq!(
				pool_validates(suspended),
				Err(TransactionValidityError::Invalid(InvalidTransaction::BadSigner))
			);
		}
		assert_eq!(pool_validates(Sr25519Keyring::Eve), Ok(()));
	});
}

#[test]
fn a_bureau_member_removed_by_governance_can_no_longer_transact() {
	chain_from_preset(DEV_PRESET).execute_with(|| {
		let bob = Sr25519Keyring::Bob.to_account_id();
		assert_ok!(BureauMembership::remove_member(RuntimeOrigin::root(), bob.clone().into()));
		assert_eq!(System::providers(&bob), 0);
		assert_eq!(pallet_collective::Members::<Runtime, configs::BureauInstance>::get().len(), 1);
		assert_eq!(
			pool_validates(Sr25519Keyring::Bob),
			Err(TransactionValidityError::Invalid(InvalidTransaction::BadSigner))
		);
	});
}

#[test]
fn a_single_bureau_vote_is_not_governance() {
	use frame_support::traits::EnsureOrigin;
	let one_of_two: RuntimeOrigin = pallet_collective::RawOrigin::Members(1, 2).into();
	assert!(configs::GovernanceOrigin::try_origin(one_of_two).is_err());
	let two_of_two: RuntimeOrigin = pallet_collective::RawOrigin::Members(2, 2).into();
	assert!(configs::GovernanceOrigin::try_origin(two_of_two).is_ok());
}

#[test]
fn the_pool_accepts_a_registered_patient_and_their_guardian() {
	chain_from_preset(DEV_PRESET).execute_with(|| {
		let patient = Sr25519Keyring::DaveStash;
		let guardian = Sr25519Keyring::CharlieStash;
		assert_eq!(
			pool_validates(patient),
			Err(TransactionValidityError::Invalid(InvalidTransaction::BadSigner))
		);

		let doctor = RuntimeOrigin::signed(Sr25519Keyring::Dave.to_account_id());
		assert_ok!(Patients::register_patient(doctor, patient.to_account_id(), [1; 32]));
		assert_ok!(Patients::add_guardian(
			RuntimeOrigin::signed(patient.to_account_id()),
			guardian.to_account_id()
		));
		assert_eq!(pool_validates(patient), Ok(()));
		assert_eq!(pool_validates(guardian), Ok(()));
	});
}

#[test]
fn node_owners_cannot_add_peers_of_their_own() {
	use frame_support::traits::Contains;
	let charlie = Sr25519Keyring::Charlie.to_account_id();
	let peer = sp_core::OpaquePeerId(vec![1, 2, 3]);
	let owner_calls = [
		RuntimeCall::NodeAuthorization(pallet_node_authorization::Call::claim_node {
			node: peer.clone(),
		}),
		RuntimeCall::NodeAuthorization(pallet_node_authorization::Call::add_connections {
			node: peer.clone(),
			connections: vec![peer.clone()],
		}),
	];
	for call in owner_calls {
		assert!(!configs::ConsortiumCallFilter::contains(&call), "{call:?} must be filtered");
	}
	let governance_call =
		RuntimeCall::NodeAuthorization(pallet_node_authorization::Call::add_well_known_node {
			node: peer,
			owner: charlie.into(),
		});
	assert!(configs::ConsortiumCallFilter::contains(&governance_call));
}
