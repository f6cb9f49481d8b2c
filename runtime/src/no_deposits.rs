//! A currency that holds nothing, for pallets that ask for one where Chronicle charges none.
//!
//! `pallet-session` wants a currency to take a deposit for session keys. Chronicle has no
//! token, so the deposit is zero and this currency reports every balance as zero and refuses
//! any movement of a non-zero amount.

use core::marker::PhantomData;
use frame_support::traits::tokens::{
	fungible::{self, Dust},
	DepositConsequence, Fortitude, Preservation, Provenance, WithdrawConsequence,
};
use sp_runtime::{DispatchError, DispatchResult, TokenError};

/// The currency with nothing in it, with hold reasons `Reason`.
pub struct NoDeposits<Reason>(PhantomData<Reason>);

impl<AccountId, Reason> fungible::Inspect<AccountId> for NoDeposits<Reason> {
	type Balance = u32;

	fn total_issuance() -> u32 {
		0
	}

	fn minimum_balance() -> u32 {
		0
	}

	fn total_balance(_: &AccountId) -> u32 {
		0
	}

	fn balance(_: &AccountId) -> u32 {
		0
	}

	fn reducible_balance(_: &AccountId, _: Preservation, _: Fortitude) -> u32 {
		0
	}

	fn can_deposit(_: &AccountId, amount: u32, _: Provenance) -> DepositConsequence {
		if amount == 0 {
			DepositConsequence::Success
		} else {
			DepositConsequence::UnknownAsset
		}
	}

	fn can_withdraw(_: &AccountId, amount: u32) -> WithdrawConsequence<u32> {
		if amount == 0 {
			WithdrawConsequence::Success
		} else {
			WithdrawConsequence::BalanceLow
		}
	}
}

impl<AccountId, Reason> fungible::Unbalanced<AccountId> for NoDeposits<Reason> {
	fn handle_dust(_: Dust<AccountId, Self>) {}

	fn write_balance(_: &AccountId, amount: u32) -> Result<Option<u32>, DispatchError> {
		if amount == 0 {
			Ok(None)
		} else {
			Err(TokenError::Unsupported.into())
		}
	}

	fn set_total_issuance(_: u32) {}
}

impl<AccountId: Eq, Reason> fungible::Mutate<AccountId> for NoDeposits<Reason> {}

impl<AccountId, Reason: codec::Encode + scale_info::TypeInfo + 'static>
	fungible::hold::Inspect<AccountId> for NoDeposits<Reason>
{
	type Reason = Reason;

	fn total_balance_on_hold(_: &AccountId) -> u32 {
		0
	}

	fn balance_on_hold(_: &Reason, _: &AccountId) -> u32 {
		0
	}
}

impl<AccountId, Reason: codec::Encode + scale_info::TypeInfo + 'static>
	fungible::hold::Unbalanced<AccountId> for NoDeposits<Reason>
{
	fn set_balance_on_hold(_: &Reason, _: &AccountId, amount: u32) -> DispatchResult {
		if amount == 0 {
			Ok(())
		} else {
			Err(TokenError::Unsupported.into())
		}
	}
}

impl<AccountId: Eq, Reason: codec::Encode + scale_info::TypeInfo + 'static>
	fungible::hold::Mutate<AccountId> for NoDeposits<Reason>
{
}
