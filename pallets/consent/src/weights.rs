//! Weights of `pallet-consent`.
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

/// Weight functions needed by `pallet-consent`.
pub trait WeightInfo {
	fn grant() -> Weight;
	fn revoke() -> Weight;
	fn request_referral() -> Weight;
	fn approve_referral() -> Weight;
	fn decline_referral() -> Weight;
	fn log_access(g: u32) -> Weight;
	fn emergency_access() -> Weight;
	fn review_emergency() -> Weight;
}

/// Weights for the runtime, with its database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn grant() -> Weight {
		let db = T::DbWeight::get();
		Weight::from_parts(20_000_000, 3_000).saturating_add(db.reads_writes(3, 4))
	}
	fn revoke() -> Weight {
		let db = T::DbWeight::get();
		Weight::from_parts(20_000_000, 3_000).saturating_add(db.reads_writes(3, 2))
	}
	fn request_referral() -> Weight {
		let db = T::DbWeight::get();
		Weight::from_parts(20_000_000, 3_000).saturating_add(db.reads_writes(4, 3))
	}
	fn approve_referral() -> Weight {
		let db = T::DbWeight::get();
		Weight::from_parts(20_000_000, 3_000).saturating_add(db.reads_writes(5, 5))
	}
	fn decline_referral() -> Weight {
		let db = T::DbWeight::get();
		Weight::from_parts(20_000_000, 3_000).saturating_add(db.reads_writes(2, 2))
	}
	fn log_access(g: u32) -> Weight {
		let db = T::DbWeight::get();
		Weight::from_parts(20_000_000, 3_000)
			.saturating_add(db.reads_writes(4, 2))
			.saturating_add(db.reads(1).saturating_mul(g.into()))
	}
	fn emergency_access() -> Weight {
		let db = T::DbWeight::get();
		Weight::from_parts(20_000_000, 3_000).saturating_add(db.reads_writes(4, 4))
	}
	fn review_emergency() -> Weight {
		let db = T::DbWeight::get();
		Weight::from_parts(20_000_000, 3_000).saturating_add(db.reads_writes(2, 2))
	}
}

/// For tests: the same figures with RocksDB weights.
impl WeightInfo for () {
	fn grant() -> Weight {
		let db = RocksDbWeight::get();
		Weight::from_parts(20_000_000, 3_000).saturating_add(db.reads_writes(3, 4))
	}
	fn revoke() -> Weight {
		let db = RocksDbWeight::get();
		Weight::from_parts(20_000_000, 3_000).saturating_add(db.reads_writes(3, 2))
	}
	fn request_referral() -> Weight {
		let db = RocksDbWeight::get();
		Weight::from_parts(20_000_000, 3_000).saturating_add(db.reads_writes(4, 3))
	}
	fn approve_referral() -> Weight {
		let db = RocksDbWeight::get();
		Weight::from_parts(20_000_000, 3_000).saturating_add(db.reads_writes(5, 5))
	}
	fn decline_referral() -> Weight {
		let db = RocksDbWeight::get();
		Weight::from_parts(20_000_000, 3_000).saturating_add(db.reads_writes(2, 2))
	}
	fn log_access(g: u32) -> Weight {
		let db = RocksDbWeight::get();
		Weight::from_parts(20_000_000, 3_000)
			.saturating_add(db.reads_writes(4, 2))
			.saturating_add(db.reads(1).saturating_mul(g.into()))
	}
	fn emergency_access() -> Weight {
		let db = RocksDbWeight::get();
		Weight::from_parts(20_000_000, 3_000).saturating_add(db.reads_writes(4, 4))
	}
	fn review_emergency() -> Weight {
		let db = RocksDbWeight::get();
		Weight::from_parts(20_000_000, 3_000).saturating_add(db.reads_writes(2, 2))
	}
}
