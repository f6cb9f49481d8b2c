//! The bureau's path to the root origin.
//!
//! A few decisions are reserved to the root origin, above all a runtime upgrade
//! (`system.authorize_upgrade`). A consortium chain has no sudo key, so the bureau takes these
//! decisions by a motion that calls `governance.enact`. Root can do anything, so `enact` asks
//! for a larger majority than the bureau's other motions: see `EnactOrigin` in `configs.rs`.

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod weights;

#[frame_support::pallet]
pub mod pallet {
	use super::weights::WeightInfo;
	use alloc::boxed::Box;
	use frame_support::{
		dispatch::GetDispatchInfo, pallet_prelude::*, traits::UnfilteredDispatchable,
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::Hash;

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The calls `enact` may carry.
		type RuntimeCall: Parameter
			+ UnfilteredDispatchable<RuntimeOrigin = Self::RuntimeOrigin>
			+ GetDispatchInfo;

		/// Who may act as root.
		type EnactOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The call with this hash was carried out as root.
		Enacted { call_hash: T::Hash },
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Carry out `call` as root. The call's own error, if it fails, is this call's error,
		/// so the motion that enacted it records the failure.
		#[pallet::call_index(0)]
		#[pallet::weight({
			let inner = call.get_dispatch_info();
			(T::WeightInfo::enact().saturating_add(inner.call_weight), inner.class)
		})]
		pub fn enact(
			origin: OriginFor<T>,
			call: Box<<T as Config>::RuntimeCall>,
		) -> DispatchResult {
			T::EnactOrigin::ensure_origin(origin)?;
			let call_hash = T::Hashing::hash_of(&call);
			call.dispatch_bypass_filter(frame_system::RawOrigin::Root.into())
				.map_err(|failure| failure.error)?;
			Self::deposit_event(Event::Enacted { call_hash });
			Ok(())
		}
	}
}
