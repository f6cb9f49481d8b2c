//! The runtime as a whole: genesis presets, and the transaction gate as the pool sees it.

use crate::*;
use codec::Encode;
use frame_support::assert_ok;
use frame_system::{
	CheckEra, CheckGenesis, CheckNonZeroSender, CheckNonce, CheckSpecVersion, CheckTxVersion,
	CheckWeight,
};
use sp_keyring::Sr25519Keyring;
use sp_runtime::traits::Hash as _;
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

/// A motion of the bureau that `governance.enact`s `call`, proposed by Alice with `threshold`
/// and, when the threshold is above one, approved by Alice and Bob and closed.
fn bureau_enacts(call: RuntimeCall, threshold: u32) {
	use frame_support::dispatch::GetDispatchInfo;
	let motion = RuntimeCall::Governance(governance::Call::enact { call: Box::new(call) });
	let length = motion.encoded_size() as u32;
	let weight = motion.get_dispatch_info().call_weight;
	let hash = <Runtime as frame_system::Config>::Hashing::hash_of(&motion);
	let alice = RuntimeOrigin::signed(Sr25519Keyring::Alice.to_account_id());
	let bob = RuntimeOrigin::signed(Sr25519Keyring::Bob.to_account_id());
	assert_ok!(Bureau::propose(alice.clone(), threshold, Box::new(motion), length));
	if threshold > 1 {
		assert_ok!(Bureau::vote(alice.clone(), hash, 0, true));
		assert_ok!(Bureau::vote(bob, hash, 0, true));
		assert_ok!(Bureau::close(alice, hash, 0, weight, length));
	}
}

#[test]
fn the_whole_bureau_can_authorise_a_runtime_upgrade() {
	chain_from_preset(DEV_PRESET).execute_with(|| {
		let code_hash = sp_core::H256::repeat_byte(7);
		let authorise = RuntimeCall::System(frame_system::Call::authorize_upgrade { code_hash });
		bureau_enacts(authorise, 2);
		assert_eq!(
			System::authorized_upgrade().map(|upgrade| *upgrade.code_hash()),
			Some(code_hash)
		);
	});
}

#[test]
fn half_the_bureau_or_sudo_cannot_act_as_root() {
	chain_from_preset(DEV_PRESET).execute_with(|| {
		let code_hash = sp_core::H256::repeat_byte(7);
		let authorise = RuntimeCall::System(frame_system::Call::authorize_upgrade { code_hash });
		// A motion of one of the two members is carried at once, with too small a majority.
		bureau_enacts(authorise.clone(), 1);
		let executed = System::events().into_iter().find_map(|record| match record.event {
			RuntimeEvent::Bureau(pallet_collective::Event::Executed { result, .. }) => Some(result),
			_ => None,
		});
		assert_eq!(executed, Some(Err(sp_runtime::DispatchError::BadOrigin)));
		assert_eq!(
			Governance::enact(RuntimeOrigin::root(), Box::new(authorise)),
			Err(sp_runtime::DispatchError::BadOrigin)
		);
		assert!(System::authorized_upgrade().is_none());
	});
}

#[test]
fn two_thirds_of_the_bureau_may_act_as_root() {
	use frame_support::traits::EnsureOrigin;
	let two_of_three: RuntimeOrigin = pallet_collective::RawOrigin::Members(2, 3).into();
	assert!(configs::EnactOrigin::try_origin(two_of_three).is_ok());
	let three_of_five: RuntimeOrigin = pallet_collective::RawOrigin::Members(3, 5).into();
	assert!(configs::EnactOrigin::try_origin(three_of_five).is_err());
}
