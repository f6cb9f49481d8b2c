//! Weights of `pallet-patients`.
//!
//! LIMITATION: these figures are estimates (20 µs per call plus the database accesses each call
//! makes) until `scripts/benchmark.sh` regenerates this file from `benchmark pallet` runs on the
//! reference machine. The benchmarks themselves are in `benchmarking.rs`.

#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// Weight functions needed by `pallet-patients`.
pub trait WeightInfo {
	fn register_patient() -> Weight;
	fn enrol() -> Weight;
	fn discharge() -> Weight;
	fn add_guardian() -> Weight;
	fn remove_guardian() -> Weight;
	fn start_recovery() -> Weight;
	fn cancel_recovery() -> Weight;
	fn complete_recovery() -> Weight;
}

/// Weights for the runtime, with its database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn register_patient() -> Weight {
		Weight::from_parts(20_000_000, 2_000).saturating_add(T::DbWeight::get().reads_writes(4, 4))
	}
	fn enrol() -> Weight {
		Weight::from_parts(20_000_000, 2_000).saturating_add(T::DbWeight::get().reads_writes(2, 1))
	}
	fn discharge() -> Weight {
		Weight::from_parts(20_000_000, 2_000).saturating_add(T::DbWeight::get().reads_writes(2, 1))
	}
	fn add_guardian() -> Weight {
		Weight::from_parts(20_000_000, 2_000).saturating_add(T::DbWeight::get().reads_writes(3, 3))
	}
	fn remove_guardian() -> Weight {
		Weight::from_parts(20_000_000, 2_000).saturating_add(T::DbWeight::get().reads_writes(3, 3))
	}
	fn start_recovery() -> Weight {
		Weight::from_parts(20_000_000, 2_000).saturating_add(T::DbWeight::get().reads_writes(4, 1))
	}
	fn cancel_recovery() -> Weight {
		Weight::from_parts(20_000_000, 2_000).saturating_add(T::DbWeight::get().reads_writes(3, 1))
	}
	fn complete_recovery() -> Weight {
		Weight::from_parts(20_000_000, 2_000).saturating_add(T::DbWeight::get().reads_writes(5, 5))
	}
}

/// For tests: the same figures with RocksDB weights.
impl WeightInfo for () {
	fn register_patient() -> Weight {
		Weight::from_parts(20_000_000, 2_000)
			.saturating_add(RocksDbWeight::get().reads_writes(4, 4))
	}
	fn enrol() -> Weight {
		Weight::from_parts(20_000_000, 2_000)
			.saturating_add(RocksDbWeight::get().reads_writes(2, 1))
	}
	fn discharge() -> Weight {
		Weight::from_parts(20_000_000, 2_000)
			.saturating_add(RocksDbWeight::get().reads_writes(2, 1))
	}
	fn add_guardian() -> Weight {
		Weight::from_parts(20_000_000, 2_000)
			.saturating_add(RocksDbWeight::get().reads_writes(3, 3))
	}
	fn remove_guardian() -> Weight {
		Weight::from_parts(20_000_000, 2_000)
			.saturating_add(RocksDbWeight::get().reads_writes(3, 3))
	}
	fn start_recovery() -> Weight {
		Weight::from_parts(20_000_000, 2_000)
			.saturating_add(RocksDbWeight::get().reads_writes(4, 1))
	}
	fn cancel_recovery() -> Weight {
		Weight::from_parts(20_000_000, 2_000)
			.saturating_add(RocksDbWeight::get().reads_writes(3, 1))
	}
	fn complete_recovery() -> Weight {
		Weight::from_parts(20_000_000, 2_000)
			.saturating_add(RocksDbWeight::get().reads_writes(5, 5))
	}
}
