//! The runtime APIs the node and off-chain clients call.

use crate::{
	AccountId, Aura, Block, BlockNumber, Consent, Executive, Grandpa, InherentDataExt, Nonce,
	Patients, Records, Runtime, RuntimeGenesisConfig, SessionKeys, System, VERSION,
};
use alloc::vec::Vec;
use frame_support::genesis_builder_helper::{build_state, get_preset};
use pallet_consent::{
	AccessDecision, AccessEntryOf, AccessIndex, GrantId, GrantOf, Purpose, ReferralId, ReferralOf,
};
use pallet_grandpa::AuthorityId as GrandpaId;
use pallet_patients::{
	runtime_api::PatientInfo, Actor, IdentityCommitment, PatientId, PatientRegistry,
};
use pallet_records::{
	runtime_api::{BatchProofCheck, RecordStatus},
	BatchOf, BatchRoot, Category, ContentHash, RecordOf,
};
use sp_api::impl_runtime_apis;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_core::{crypto::KeyTypeId, OpaqueMetadata};
use sp_runtime::{
	traits::{Block as BlockT, NumberFor},
	transaction_validity::{TransactionSource, TransactionValidity},
	ApplyExtrinsicResult, ExtrinsicInclusionMode,
};
use sp_version::RuntimeVersion;

// The pallets `benchmark pallet` measures; defines `list_benchmarks!` and `add_benchmarks!`.
#[cfg(feature = "runtime-benchmarks")]
use frame_system_benchmarking::{
	extensions::Pallet as SystemExtensionsBench, Pallet as SystemBench,
};
#[cfg(feature = "runtime-benchmarks")]
frame_benchmarking::define_benchmarks!(
	[frame_system, SystemBench::<Runtime>]
	[frame_system_extensions, SystemExtensionsBench::<Runtime>]
	[pallet_institutions, crate::Institutions]
	[pallet_patients, Patients]
	[pallet_records, Records]
	[pallet_consent, Consent]
	[governance, crate::Governance]
);

impl_runtime_apis! {
	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}

		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block);
		}

		fn initialize_block(header: &<Block as BlockT>::Header) -> ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl sp_api::Metadata<Block> for Runtime {
		fn metadata() -> OpaqueMetadata {
			OpaqueMetadata::new(Runtime::metadata().into())
		}

		fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
			Runtime::metadata_at_version(version)
		}

		fn metadata_versions() -> Vec<u32> {
			Runtime::metadata_versions()
		}
	}

	impl sp_block_builder::BlockBuilder<Block> for Runtime {
		fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
			Executive::apply_extrinsic(extrinsic)
		}

		fn finalize_block() -> <Block as BlockT>::Header {
			Executive::finalize_block()
		}

		fn inherent_extrinsics(
			data: sp_inherents::InherentData,
		) -> Vec<<Block as BlockT>::Extrinsic> {
			data.create_extrinsics()
		}

		fn check_inherents(
			block: <Block as BlockT>::LazyBlock,
			data: sp_inherents::InherentData,
		) -> sp_inherents::CheckInherentsResult {
			data.check_extrinsics(&block)
		}
	}

	impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
		fn validate_transaction(
			source: TransactionSource,
			tx: <Block as BlockT>::Extrinsic,
			block_hash: <Block as BlockT>::Hash,
		) -> TransactionValidity {
			Executive::validate_transaction(source, tx, block_hash)
		}
	}

	impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
		fn offchain_worker(header: &<Block as BlockT>::Header) {
			Executive::offchain_worker(header)
		}
	}

	impl sp_consensus_aura::AuraApi<Block, AuraId> for Runtime {
		fn slot_duration() -> sp_consensus_aura::SlotDuration {
			sp_consensus_aura::SlotDuration::from_millis(Aura::slot_duration())
		}

		fn authorities() -> Vec<AuraId> {
			pallet_aura::Authorities::<Runtime>::get().into_inner()
		}
	}

	impl sp_session::SessionKeys<Block> for Runtime {
		fn generate_session_keys(
			owner: Vec<u8>,
			seed: Option<Vec<u8>>,
		) -> sp_session::OpaqueGeneratedSessionKeys {
			SessionKeys::generate(&owner, seed).into()
		}

		fn decode_session_keys(encoded: Vec<u8>) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
			SessionKeys::decode_into_raw_public_keys(&encoded)
		}
	}

	impl sp_consensus_grandpa::GrandpaApi<Block> for Runtime {
		fn grandpa_authorities() -> sp_consensus_grandpa::AuthorityList {
			Grandpa::grandpa_authorities()
		}

		fn current_set_id() -> sp_consensus_grandpa::SetId {
			Grandpa::current_set_id()
		}

		fn submit_report_equivocation_unsigned_extrinsic(
			_equivocation_proof: sp_consensus_grandpa::EquivocationProof<
				<Block as BlockT>::Hash,
				NumberFor<Block>,
			>,
			_key_owner_proof: sp_consensus_grandpa::OpaqueKeyOwnershipProof,
		) -> Option<()> {
			// Equivocation reports are not accepted (see `configs`).
			None
		}

		fn generate_key_ownership_proof(
			_set_id: sp_consensus_grandpa::SetId,
			_authority_id: GrandpaId,
		) -> Option<sp_consensus_grandpa::OpaqueKeyOwnershipProof> {
			None
		}
	}

	impl pallet_patients::runtime_api::PatientsApi<Block, AccountId, BlockNumber> for Runtime {
		fn patient(id: PatientId) -> Option<PatientInfo<AccountId, BlockNumber>> {
			Patients::info(id)
		}

		fn patient_by_account(account: AccountId) -> Option<PatientInfo<AccountId, BlockNumber>> {
			pallet_patients::PatientByAccount::<Runtime>::get(account).and_then(Patients::info)
		}

		fn patient_by_commitment(
			commitment: IdentityCommitment,
		) -> Option<PatientInfo<AccountId, BlockNumber>> {
			pallet_patients::PatientByCommitment::<Runtime>::get(commitment).and_then(Patients::info)
		}

		fn actor_for(account: AccountId, patient: PatientId) -> Option<Actor> {
			<Patients as PatientRegistry<AccountId>>::actor_for(&account, patient)
		}
	}

	impl pallet_records::runtime_api::RecordsApi<Block, RecordOf<Runtime>, BatchOf<Runtime>>
		for Runtime
	{
		fn record_status(content_hash: ContentHash) -> RecordStatus<RecordOf<Runtime>> {
			Records::status(content_hash)
		}

		fn verify_batch_proof(
			root: BatchRoot,
			leaf: ContentHash,
			proof: Vec<[u8; 32]>,
			index: u32,
		) -> BatchProofCheck<BatchOf<Runtime>> {
			Records::check_batch_proof(root, leaf, proof, index)
		}

		fn patient_records(
			patient: PatientId,
			start_after: Option<ContentHash>,
			limit: u32,
		) -> Vec<(ContentHash, RecordOf<Runtime>)> {
			Records::patient_records(patient, start_after, limit)
		}

		fn institution_records(
			institution: u32,
			start_after: Option<ContentHash>,
			limit: u32,
		) -> Vec<(ContentHash, RecordOf<Runtime>)> {
			Records::institution_records(institution, start_after, limit)
		}
	}

	impl pallet_consent::runtime_api::ConsentApi<
		Block,
		AccountId,
		GrantOf<Runtime>,
		ReferralOf<Runtime>,
		AccessEntryOf<Runtime>,
	> for Runtime
	{
		fn may_access(
			account: AccountId,
			patient: PatientId,
			category: Category,
			purpose: Purpose,
		) -> AccessDecision {
			Consent::may_access(&account, patient, category, purpose)
		}

		fn patient_grants(
			patient: PatientId,
			start_after: Option<GrantId>,
			limit: u32,
		) -> Vec<(GrantId, GrantOf<Runtime>)> {
			Consent::patient_grants(patient, start_after, limit)
		}

		fn access_log(
			patient: PatientId,
			from: AccessIndex,
			limit: u32,
		) -> Vec<(AccessIndex, AccessEntryOf<Runtime>)> {
			Consent::access_log(patient, from, limit)
		}

		fn pending_referrals(patient: PatientId) -> Vec<(ReferralId, ReferralOf<Runtime>)> {
			Consent::pending_referrals(patient)
		}

		fn pending_reviews(
			start_after: Option<(PatientId, AccessIndex)>,
			limit: u32,
		) -> Vec<(PatientId, AccessIndex, AccessEntryOf<Runtime>)> {
			Consent::pending_reviews(start_after, limit)
		}
	}

	impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
		fn account_nonce(account: AccountId) -> Nonce {
			System::account_nonce(account)
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	impl frame_benchmarking::Benchmark<Block> for Runtime {
		fn benchmark_metadata(extra: bool) -> (
			Vec<frame_benchmarking::BenchmarkList>,
			Vec<frame_support::traits::StorageInfo>,
		) {
			use frame_benchmarking::BenchmarkList;
			use frame_support::traits::StorageInfoTrait;

			let mut list = Vec::<BenchmarkList>::new();
			list_benchmarks!(list, extra);

			let storage_info = crate::AllPalletsWithSystem::storage_info();
			(list, storage_info)
		}

		#[allow(non_local_definitions)]
		fn dispatch_benchmark(
			config: frame_benchmarking::BenchmarkConfig,
		) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
			use frame_benchmarking::BenchmarkBatch;
			use frame_support::traits::WhitelistedStorageKeys;

			impl frame_system_benchmarking::Config for Runtime {}

			let mut whitelist = crate::AllPalletsWithSystem::whitelisted_storage_keys();
			// The timestamp inherent writes `Timestamp::Now` at the start of every block, so a
			// transaction's read of it hits the block's overlay, never the database.
			whitelist.push(pallet_timestamp::Now::<Runtime>::hashed_key().to_vec().into());
			let mut batches = Vec::<BenchmarkBatch>::new();
			let params = (&config, &whitelist);
			add_benchmarks!(params, batches);
			Ok(batches)
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, crate::genesis_config_presets::get_preset)
		}

		fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
			crate::genesis_config_presets::preset_names()
		}
	}
}
