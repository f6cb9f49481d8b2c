//! Weights of `pallet-institutions`.
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

/// Weight functions needed by `pallet-institutions`.
pub trait WeightInfo {
	fn admit_institution(n: u32) -> Weight;
	fn suspend_institution() -> Weight;
	fn reinstate_institution() -> Weight;
	fn expel_institution(s: u32, v: u32) -> Weight;
	fn replace_admin() -> Weight;
	fn add_staff() -> Weight;
	fn change_staff_role() -> Weight;
	fn remove_staff() -> Weight;
	fn add_validator() -> Weight;
	fn remove_validator() -> Weight;
	fn check_membership() -> Weight;
}

/// Weights measured on the reference machine, with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn admit_institution(n: u32) -> Weight {
		let db = T::DbWeight::get();
		Weight::from_parts(20_000_000, 1_500)
			.saturating_add(db.reads_writes(3, 3))
			.saturating_add(Weight::from_parts(1_000, 0).saturating_mul(n.into()))
	}
	fn suspend_institution() -> Weight {
		let db = T::DbWeight::get();
		Weight::from_parts(20_000_000, 1_500).saturating_add(db.reads_writes(1, 1))
	}
	fn reinstate_institution() -> Weight {
		let db = T::DbWeight::get();
		Weight::from_parts(20_000_000, 1_500).saturating_add(db.reads_writes(1, 1))
	}
	fn expel_institution(s: u32, v: u32) -> Weight {
		let db = T::DbWeight::get();
		Weight::from_parts(20_000_000, 1_500)
			.saturating_add(db.reads_writes(3, 3))
			.saturating_add(Weight::from_parts(12_000_000, 0).saturating_mul(s.into()))
			.saturating_add(Weight::from_parts(12_000_000, 0).saturating_mul(v.into()))
			.saturating_add(db.reads_writes(2, 2).saturating_mul(s.into()))
			.saturating_add(db.reads_writes(2, 2).saturating_mul(v.into()))
	}
	fn replace_admin() -> Weight {
		let db = T::DbWeight::get();
		Weight::from_parts(20_000_000, 1_500).saturating_add(db.reads_writes(4, 4))
	}
	fn add_staff() -> Weight {
		let db = T::DbWeight::get();
		Weight::from_parts(20_000_000, 1_500).saturating_add(db.reads_writes(4, 4))
	}
	fn change_staff_role() -> Weight {
		let db = T::DbWeight::get();
		Weight::from_parts(20_000_000, 1_500).saturating_add(db.reads_writes(3, 2))
	}
	fn remove_staff() -> Weight {
		let db = T::DbWeight::get();
		Weight::from_parts(20_000_000, 1_500).saturating_add(db.reads_writes(4, 4))
	}
	fn add_validator() -> Weight {
		let db = T::DbWeight::get();
		Weight::from_parts(20_000_000, 1_500).saturating_add(db.reads_writes(4, 5))
	}
	fn remove_validator() -> Weight {
		let db = T::DbWeight::get();
		Weight::from_parts(20_000_000, 1_500).saturating_add(db.reads_writes(3, 4))
	}
	fn check_membership() -> Weight {
		let db = T::DbWeight::get();
		Weight::from_parts(20_000_000, 1_500).saturating_add(db.reads_writes(4, 1))
	}
}

/// For tests: the same figures with RocksDB weights.
impl WeightInfo for () {
	fn admit_institution(n: u32) -> Weight {
		let db = RocksDbWeight::get();
		Weight::from_parts(20_000_000, 1_500)
			.saturating_add(db.reads_writes(3, 3))
			.saturating_add(Weight::from_parts(1_000, 0).saturating_mul(n.into()))
	}
	fn suspend_institution() -> Weight {
		let db = RocksDbWeight::get();
		Weight::from_parts(20_000_000, 1_500).saturating_add(db.reads_writes(1, 1))
	}
	fn reinstate_institution() -> Weight {
		let db = RocksDbWeight::get();
		Weight::from_parts(20_000_000, 1_500).saturating_add(db.reads_writes(1, 1))
	}
	fn expel_institution(s: u32, v: u32) -> Weight {
		let db = RocksDbWeight::get();
		Weight::from_parts(20_000_000, 1_500)
			.saturating_add(db.reads_writes(3, 3))
			.saturating_add(Weight::from_parts(12_000_000, 0).saturating_mul(s.into()))
			.saturating_add(Weight::from_parts(12_000_000, 0).saturating_mul(v.into()))
			.saturating_add(db.reads_writes(2, 2).saturating_mul(s.into()))
			.saturating_add(db.reads_writes(2, 2).saturating_mul(v.into()))
	}
	fn replace_admin() -> Weight {
		let db = RocksDbWeight::get();
		Weight::from_parts(20_000_000, 1_500).saturating_add(db.reads_writes(4, 4))
	}
	fn add_staff() -> Weight {
		let db = RocksDbWeight::get();
		Weight::from_parts(20_000_000, 1_500).saturating_add(db.reads_writes(4, 4))
	}
	fn change_staff_role() -> Weight {
		let db = RocksDbWeight::get();
		Weight::from_parts(20_000_000, 1_500).saturating_add(db.reads_writes(3, 2))
	}
	fn remove_staff() -> Weight {
		let db = RocksDbWeight::get();
		Weight::from_parts(20_000_000, 1_500).saturating_add(db.reads_writes(4, 4))
	}
	fn add_validator() -> Weight {
		let db = RocksDbWeight::get();
		Weight::from_parts(20_000_000, 1_500).saturating_add(db.reads_writes(4, 5))
	}
	fn remove_validator() -> Weight {
		let db = RocksDbWeight::get();
		Weight::from_parts(20_000_000, 1_500).saturating_add(db.reads_writes(3, 4))
	}
	fn check_membership() -> Weight {
		let db = RocksDbWeight::get();
		Weight::from_parts(20_000_000, 1_500).saturating_add(db.reads_writes(4, 1))
	}
}
