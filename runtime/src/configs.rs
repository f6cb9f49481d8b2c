//! How each pallet of the runtime is configured, and why.

use crate::{
	no_deposits::NoDeposits, AccountId, Aura, Block, BlockNumber, BureauMembership, Hash,
	Institutions, Nonce, OriginCaller, PalletInfo, Runtime, RuntimeCall, RuntimeEvent,
	RuntimeHoldReason, RuntimeOrigin, RuntimeTask, SessionKeys, System, SLOT_DURATION, VERSION,
};
use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::{
		ChangeMembers, ConstBool, ConstU32, ConstU64, Contains, EitherOfDiverse, InitializeMembers,
	},
	weights::{constants::WEIGHT_REF_TIME_PER_SECOND, Weight},
};
use frame_system::{
	limits::{BlockLength, BlockWeights},
	EnsureRoot,
};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::{traits::ConvertInto, Perbill};
use sp_version::RuntimeVersion;

/// Share of a block's weight and length that ordinary transactions may fill; the rest is kept
/// for operational calls (governance, session keys) so they always fit.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

/// Largest block, in bytes.
const MAX_BLOCK_LENGTH: u32 = 5 * 1024 * 1024;

parameter_types! {
	pub const BlockHashCount: BlockNumber = 2400;
	pub const Version: RuntimeVersion = VERSION;

	/// One second of execution per three-second block: the author has time to build and
	/// gossip the block, and every validator time to import it before the next slot. No
	/// limit on proof size: a solochain's blocks carry no storage proof (it would bound
	/// nothing real, and it used to stop blocks at 30 % of their execution time).
	pub RuntimeBlockWeights: BlockWeights = BlockWeights::with_sensible_defaults(
		Weight::from_parts(WEIGHT_REF_TIME_PER_SECOND, u64::MAX),
		NORMAL_DISPATCH_RATIO,
	);
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(MAX_BLOCK_LENGTH)
		.modify_max_length_for_class(DispatchClass::Normal, |max| {
			*max = NORMAL_DISPATCH_RATIO * MAX_BLOCK_LENGTH
		})
		.build();
	/// The generic Substrate address format.
	pub const SS58Prefix: u16 = 42;
}

/// Calls nobody may make. Which peers may connect is the bureau's decision alone
/// (`node_authorization.add_well_known_node` and its siblings, by motion), so the calls that
/// let a node's owner claim nodes or add connections of their own are shut.
///
/// LIMITATION: `system.remark` stays open to members (it is the throughput baseline), so a
/// member could put free text on chain; only policy, not the runtime, keeps personal data out
/// of remarks.
pub struct ConsortiumCallFilter;

impl Contains<RuntimeCall> for ConsortiumCallFilter {
	fn contains(call: &RuntimeCall) -> bool {
		use pallet_node_authorization::Call as NodeCall;
		!matches!(
			call,
			RuntimeCall::NodeAuthorization(
				NodeCall::claim_node { .. }
					| NodeCall::remove_claim { .. }
					| NodeCall::transfer_node { .. }
					| NodeCall::add_connections { .. }
					| NodeCall::remove_connections { .. }
			)
		)
	}
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type BaseCallFilter = ConsortiumCallFilter;
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	/// ParityDb is the node's only database; its costs are measured here.
	type DbWeight = crate::weights::paritydb::ParityDbWeight;
	type SystemWeightInfo = crate::weights::frame_system::WeightInfo<Runtime>;
	type ExtensionsWeightInfo = crate::weights::frame_system_extensions::WeightInfo<Runtime>;
	type Version = Version;
	/// No balances: an account's existence is its membership.
	type AccountData = ();
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
}

impl pallet_timestamp::Config for Runtime {
	/// Milliseconds since the Unix epoch.
	type Moment = u64;
	type OnTimestampSet = Aura;
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = ();
}

/// Most validators (and so Aura and GRANDPA authorities) the consortium can have.
pub type MaxValidators = ConstU32<32>;

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = MaxValidators;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = MaxValidators;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	// LIMITATION: equivocation reports are not accepted; a validator that double-votes is
	// only visible in the node logs, and the bureau removes it by governance.
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

parameter_types! {
	/// Blocks per session: two minutes. A validator-set change takes effect one to two
	/// sessions after governance decides it.
	pub const SessionPeriod: BlockNumber = 40;
	pub const SessionOffset: BlockNumber = 0;
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = pallet_session::PeriodicSessions<SessionPeriod, SessionOffset>;
	type NextSessionRotation = pallet_session::PeriodicSessions<SessionPeriod, SessionOffset>;
	type SessionManager = Institutions;
	type SessionHandler = <SessionKeys as sp_runtime::traits::OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	type DisablingStrategy = ();
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	/// Registering session keys costs no deposit: there is no currency.
	type Currency = NoDeposits<RuntimeHoldReason>;
	type KeyDeposit = ();
}

/// The health bureau's collective.
pub type BureauInstance = pallet_collective::Instance1;

/// Most members the health bureau can have.
pub const MAX_BUREAU_MEMBERS: u32 = 16;

/// A motion of more than half of the bureau's members; with sudo as the `dev` chain's stand-in.
pub type GovernanceOrigin = EitherOfDiverse<
	EnsureRoot<AccountId>,
	pallet_collective::EnsureProportionMoreThan<AccountId, BureauInstance, 1, 2>,
>;

/// A motion of at least two thirds of the bureau's members: the origin that may act as root
/// through `governance.enact`, for instance to authorise a runtime upgrade. No sudo stand-in:
/// on every chain only the bureau can do this.
pub type EnactOrigin = pallet_collective::EnsureProportionAtLeast<AccountId, BureauInstance, 2, 3>;

impl crate::governance::Config for Runtime {
	type RuntimeCall = RuntimeCall;
	type EnactOrigin = EnactOrigin;
	type WeightInfo = crate::governance::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// A motion not decided within a day lapses.
	pub const MotionDuration: BlockNumber = crate::DAYS;
	pub MaxProposalWeight: Weight = Perbill::from_percent(50) * RuntimeBlockWeights::get().max_block;
}

impl pallet_collective::Config<BureauInstance> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = MotionDuration;
	type MaxProposals = ConstU32<32>;
	type MaxMembers = ConstU32<MAX_BUREAU_MEMBERS>;
	type DefaultVote = pallet_collective::PrimeDefaultVote;
	type WeightInfo = pallet_collective::weights::SubstrateWeight<Runtime>;
	/// Members change only through `BureauMembership`, which keeps their accounts alive.
	type SetMembersOrigin = frame_system::EnsureNever<()>;
	type MaxProposalWeight = MaxProposalWeight;
	type DisapproveOrigin = GovernanceOrigin;
	type KillOrigin = GovernanceOrigin;
	type Consideration = ();
}

impl pallet_membership::Config<pallet_membership::Instance1> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AddOrigin = GovernanceOrigin;
	type RemoveOrigin = GovernanceOrigin;
	type SwapOrigin = GovernanceOrigin;
	type ResetOrigin = GovernanceOrigin;
	type PrimeOrigin = GovernanceOrigin;
	type MembershipInitialized = BureauMembersChanged;
	type MembershipChanged = BureauMembersChanged;
	type MaxMembers = ConstU32<MAX_BUREAU_MEMBERS>;
	type WeightInfo = pallet_membership::weights::SubstrateWeight<Runtime>;
}

/// Passes bureau membership on to the collective, and keeps bureau members' accounts alive.
pub struct BureauMembersChanged;

impl InitializeMembers<AccountId> for BureauMembersChanged {
	fn initialize_members(members: &[AccountId]) {
		for who in members {
			System::inc_providers(who);
		}
		crate::Bureau::initialize_members(members);
	}
}

impl ChangeMembers<AccountId> for BureauMembersChanged {
	fn change_members_sorted(incoming: &[AccountId], outgoing: &[AccountId], new: &[AccountId]) {
		for who in incoming {
			System::inc_providers(who);
		}
		for who in outgoing {
			let _ = System::dec_providers(who);
		}
		crate::Bureau::change_members_sorted(incoming, outgoing, new);
	}

	fn set_prime(prime: Option<AccountId>) {
		crate::Bureau::set_prime(prime);
	}

	fn get_prime() -> Option<AccountId> {
		crate::Bureau::get_prime()
	}
}

/// Everyone who may submit a signed transaction: bureau members; admins, staff and validators
/// of institutions (see `pallet_institutions::ActiveMembers`); registered patients and their
/// guardians.
pub struct ConsortiumMembers;

impl Contains<AccountId> for ConsortiumMembers {
	fn contains(who: &AccountId) -> bool {
		pallet_institutions::ActiveMembers::<Runtime>::contains(who)
			|| pallet_patients::PatientMembers::<Runtime>::contains(who)
			|| BureauMembership::contains(who)
	}
}

impl pallet_institutions::Config for Runtime {
	type GovernanceOrigin = GovernanceOrigin;
	type Members = ConsortiumMembers;
	type MaxNameLength = ConstU32<128>;
	type MaxInstitutions = ConstU32<1024>;
	type MaxStaffPerInstitution = ConstU32<512>;
	type MaxValidators = MaxValidators;
	type MaxTransactionsPerBlock = ConstU32<1024>;
	type WeightInfo = pallet_institutions::weights::SubstrateWeight<Runtime>;
}

impl pallet_patients::Config for Runtime {
	type Institutions = Institutions;
	/// Every programme there is (seven), at once.
	type MaxProgrammes = ConstU32<7>;
	type MaxGuardians = ConstU32<4>;
	/// A contracted family doctor may look after a village's elderly patients.
	type MaxWards = ConstU32<256>;
	/// A day for the patient's old key or a guardian to notice and cancel a key recovery.
	type RecoveryDelay = ConstU32<{ crate::DAYS }>;
	type WeightInfo = pallet_patients::weights::SubstrateWeight<Runtime>;
}

impl pallet_records::Config for Runtime {
	type Institutions = Institutions;
	type Patients = crate::Patients;
	type Time = crate::Timestamp;
	/// A million records in one batch is already a day of a large hospital's output.
	type MaxBatchLeaves = ConstU32<{ 1 << 20 }>;
	type MaxPageSize = ConstU32<100>;
	type WeightInfo = pallet_records::weights::SubstrateWeight<Runtime>;
}

impl pallet_consent::Config for Runtime {
	type Institutions = Institutions;
	type Patients = crate::Patients;
	type Records = crate::Records;
	type Time = crate::Timestamp;
	type GovernanceOrigin = GovernanceOrigin;
	type MaxActiveGrants = ConstU32<32>;
	type MaxPendingReferrals = ConstU32<8>;
	/// Break-glass access stays the exception: five per doctor per day.
	type MaxEmergencyAccesses = ConstU32<5>;
	type EmergencyWindow = ConstU32<{ crate::DAYS }>;
	type MaxPageSize = ConstU32<100>;
	type WeightInfo = pallet_consent::weights::SubstrateWeight<Runtime>;
}

impl pallet_node_authorization::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type MaxWellKnownNodes = ConstU32<64>;
	/// A libp2p peer id of an ed25519 node key is 38 bytes.
	type MaxPeerIdLength = ConstU32<128>;
	type AddOrigin = GovernanceOrigin;
	type RemoveOrigin = GovernanceOrigin;
	type SwapOrigin = GovernanceOrigin;
	type ResetOrigin = GovernanceOrigin;
	type WeightInfo = ();
}

impl pallet_utility::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type WeightInfo = pallet_utility::weights::SubstrateWeight<Runtime>;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}
