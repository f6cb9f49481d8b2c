//! The transaction gate: only consortium members may submit signed transactions.

use crate::{Config, TransactionsInBlock, WeightInfo, LOG_TARGET};
use codec::{Decode, DecodeWithMemTracking, Encode};
use core::{fmt, marker::PhantomData};
use frame_support::{
	dispatch::DispatchInfo,
	pallet_prelude::{InvalidTransaction, TransactionSource, TransactionValidityError},
	traits::{Contains, Get},
	weights::Weight,
};
use scale_info::TypeInfo;
use sp_runtime::{
	traits::{AsSystemOriginSigner, DispatchInfoOf, Dispatchable, TransactionExtension},
	transaction_validity::ValidTransaction,
};

/// Accepts a signed transaction only from a member ([`Config::Members`]) who has not yet
/// reached [`Config::MaxTransactionsPerBlock`] in the current block.
///
/// A non-member's transaction is rejected at the pool as `InvalidTransaction::BadSigner`
/// ("invalid signing address"); one over the per-block allowance waits in the pool for the
/// next block (`ExhaustsResources`). Members pay nothing: Chronicle has no fees.
///
/// The extension encodes to zero bytes and adds nothing to the signed payload, so clients
/// such as polkadot.js and subxt need no type definitions for it.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Eq, PartialEq, TypeInfo)]
#[scale_info(skip_type_params(T))]
pub struct CheckMembership<T>(PhantomData<T>);

impl<T> CheckMembership<T> {
	/// The gate, as the runtime lists it among its transaction extensions.
	pub fn new() -> Self {
		Self(PhantomData)
	}
}

impl<T> Default for CheckMembership<T> {
	fn default() -> Self {
		Self::new()
	}
}

impl<T> fmt::Debug for CheckMembership<T> {
	fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
		write!(f, "CheckMembership")
	}
}

impl<T: Config + Send + Sync> TransactionExtension<T::RuntimeCall> for CheckMembership<T>
where
	T::RuntimeCall: Dispatchable<Info = DispatchInfo>,
	<T::RuntimeCall as Dispatchable>::RuntimeOrigin: AsSystemOriginSigner<T::AccountId> + Clone,
{
	const IDENTIFIER: &'static str = "CheckMembership";
	type Implicit = ();
	/// The signer and how many of their transactions the block already has.
	type Val = Option<(T::AccountId, u32)>;
	type Pre = ();

	fn weight(&self, _call: &T::RuntimeCall) -> Weight {
		T::WeightInfo::check_membership()
	}

	fn validate(
		&self,
		origin: <T::RuntimeCall as Dispatchable>::RuntimeOrigin,
		_call: &T::RuntimeCall,
		_info: &DispatchInfoOf<T::RuntimeCall>,
		_len: usize,
		_self_implicit: Self::Implicit,
		_inherited_implication: &impl Encode,
		_source: TransactionSource,
	) -> Result<
		(ValidTransaction, Self::Val, <T::RuntimeCall as Dispatchable>::RuntimeOrigin),
		TransactionValidityError,
	> {
		// Unsigned transactions are left to the pallets that accept them.
		let Some(who) = origin.as_system_origin_signer() else {
			return Ok((ValidTransaction::default(), None, origin));
		};
		if !T::Members::contains(who) {
			log::debug!(target: LOG_TARGET, "rejected a transaction from a non-member");
			return Err(InvalidTransaction::BadSigner.into());
		}
		let count = transactions_in_current_block::<T>(who);
		if count >= T::MaxTransactionsPerBlock::get() {
			return Err(InvalidTransaction::ExhaustsResources.into());
		}
		let who = who.clone();
		Ok((ValidTransaction::default(), Some((who, count)), origin))
	}

	fn prepare(
		self,
		val: Self::Val,
		_origin: &<T::RuntimeCall as Dispatchable>::RuntimeOrigin,
		_call: &T::RuntimeCall,
		_info: &DispatchInfoOf<T::RuntimeCall>,
		_len: usize,
	) -> Result<Self::Pre, TransactionValidityError> {
		if let Some((who, count)) = val {
			let now = frame_system::Pallet::<T>::block_number();
			TransactionsInBlock::<T>::insert(&who, (now, count.saturating_add(1)));
		}
		Ok(())
	}
}

/// How many transactions of `who` the current block already includes.
fn transactions_in_current_block<T: Config>(who: &T::AccountId) -> u32 {
	match TransactionsInBlock::<T>::get(who) {
		Some((block, count)) if block == frame_system::Pallet::<T>::block_number() => count,
		_ => 0,
	}
}
