// The bureau upgrades the runtime the way docs/operators.md says: a motion of the whole bureau
// enacts `system.authorize_upgrade` with the new runtime's hash, then a member who is no part
// of governance (Dave, a doctor) uploads the runtime with `system.apply_authorized_upgrade`.
// The new runtime is the file $CHRONICLE_UPGRADE_WASM (scripts/build-upgrade-runtime.sh).
// Remembers the number of the block that carried the upgrade.
//
// Returns the spec version the chain runs once the upgrade's block is finalized.

import { readFileSync } from 'node:fs';
import { u8aToHex } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';
import { accounts, bureauMotion, findEvent, remember, submit, withApi } from '../../scripts/zombienet-lib.mjs';

export async function run(nodeName, networkInfo) {
  const path = process.env.CHRONICLE_UPGRADE_WASM;
  if (!path) throw new Error('CHRONICLE_UPGRADE_WASM names no runtime to upgrade to');
  const code = readFileSync(path);
  const signers = await accounts();
  return withApi(networkInfo, nodeName, async (api) => {
    const authorise = api.tx.system.authorizeUpgrade(blake2AsHex(code, 256));
    const enacted = await bureauMotion(api, api.tx.governance.enact(authorise), signers);
    if (!findEvent(enacted, 'system', 'UpgradeAuthorized')) {
      throw new Error('the motion did not authorise the upgrade');
    }
    const before = (await api.rpc.state.getRuntimeVersion()).specVersion.toNumber();
    const applied = await submit(api, api.tx.system.applyAuthorizedUpgrade(u8aToHex(code)),
      signers.dave);
    // Judged by the code in the block's state, not by its events: polkadot.js may decode the
    // upgrade block's events with either runtime's metadata, and sometimes fails to.
    const after = (await api.rpc.state.getRuntimeVersion(applied.blockHash)).specVersion.toNumber();
    if (after <= before) {
      throw new Error(`the upload did not update the code: spec ${after} after, ${before} before`);
    }
    const block = (await api.rpc.chain.getHeader(applied.blockHash)).number.toNumber();
    remember(networkInfo, 'upgradeBlock', block);
    const version = await api.rpc.state.getRuntimeVersion();
    console.log(`${nodeName}: the runtime was upgraded in block #${block}; the chain runs spec ` +
      `${version.specVersion}`);
    return version.specVersion.toNumber();
  });
}
