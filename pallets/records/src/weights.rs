//! Weights of `pallet-records`.
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

/// Weight functions needed by `pallet-records`.
pub trait WeightInfo {
	fn anchor_record() -> Weight;
	fn amend_record() -> Weight;
	fn anchor_batch() -> Weight;
}

/// Weights for the runtime, with its database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn anchor_record() -> Weight {
		Weight::from_parts(20_000_000, 3_000).saturating_add(T::DbWeight::get().reads_writes(5, 3))
	}
	fn amend_record() -> Weight {
		Weight::from_parts(20_000_000, 3_000).saturating_add(T::DbWeight::get().reads_writes(6, 4))
	}
	fn anchor_batch() -> Weight {
		Weight::from_parts(20_000_000, 3_000).saturating_add(T::DbWeight::get().reads_writes(4, 2))
	}
}

/// For tests: the same figures with RocksDB weights.
impl WeightInfo for () {
	fn anchor_record() -> Weight {
		Weight::from_parts(20_000_000, 3_000)
			.saturating_add(RocksDbWeight::get().reads_writes(5, 3))
	}
	fn amend_record() -> Weight {
		Weight::from_parts(20_000_000, 3_000)
			.saturating_add(RocksDbWeight::get().reads_writes(6, 4))
	}
	fn anchor_batch() -> Weight {
		Weight::from_parts(20_000_000, 3_000)
			.saturating_add(RocksDbWeight::get().reads_writes(4, 2))
	}
}
