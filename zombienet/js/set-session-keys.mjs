// The node makes new session keys for Northfield's validator account
// (`author_rotateKeysWithOwner`, which also proves the account owns them), and the account
// registers them with `session.setKeys`.
//
// The transaction goes through Alice's node: a node that has just finished syncing may still
// validate transactions against its pool's view of an old block, and refuse one signed for
// its new best block ("ancient birth block").
//
// Returns 1 once the keys are registered in a finalized block.

import { accounts, rpcCall, submit, withApi } from '../../scripts/zombienet-lib.mjs';

export async function run(nodeName, networkInfo) {
  const { northfieldValidator } = await accounts();
  const validator = northfieldValidator.address;
  return withApi(networkInfo, 'alice', async (api) => {
    const owner = api.createType('AccountId', validator).toHex();
    const { keys, proof } = await rpcCall(networkInfo, nodeName, 'author_rotateKeysWithOwner',
      [owner]);
    if (!proof) throw new Error(`${nodeName} made session keys without an ownership proof`);
    await submit(api, api.tx.session.setKeys(keys, proof), northfieldValidator);
    const registered = await api.query.session.nextKeys(validator);
    if (registered.isNone || registered.unwrap().toHex() !== keys) {
      throw new Error(`the chain holds ${registered.toString()} as the validator's next keys, ` +
        `not ${keys}`);
    }
    console.log(`${nodeName}: made session keys ${keys}, registered for ${validator}`);
    return 1;
  });
}
