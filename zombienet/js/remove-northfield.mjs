// A bureau motion removes Northfield's validator account from the validator set.
//
// Returns 1 once the motion has executed.

import { accounts, bureauMotion, findEvent, withApi } from '../../scripts/zombienet-lib.mjs';

export async function run(nodeName, networkInfo) {
  const signers = await accounts();
  const { northfieldValidator } = signers;
  return withApi(networkInfo, nodeName, async (api) => {
    const events = await bureauMotion(api,
      api.tx.institutions.removeValidator(northfieldValidator.address), signers);
    if (!findEvent(events, 'institutions', 'ValidatorRemoved')) {
      throw new Error('no institutions.ValidatorRemoved event');
    }
    console.log(`${nodeName}: ${northfieldValidator.address} removed from the validators`);
    return 1;
  });
}
