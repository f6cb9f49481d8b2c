// Every validator switched runtime at the same block: each has the same block carrying the
// upgrade and the same block after it, runs the old spec version in the first and the new one
// in the second, and finalizes past them.
//
// Returns the lowest finalized number among the validators, once each has finalized five
// blocks past the upgrade.

import { recall, sleep, withApi } from '../../scripts/zombienet-lib.mjs';

const VALIDATORS = ['alice', 'bob', 'charlie', 'dave'];

export async function run(_nodeName, networkInfo) {
  const { specVersion } = recall(networkInfo, 'care');
  const block = recall(networkInfo, 'upgradeBlock');
  const seen = [];
  for (const name of VALIDATORS) {
    seen.push(await withApi(networkInfo, name, async (api) => {
      let finalized;
      do {
        finalized = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead()))
          .number.toNumber();
        if (finalized < block + 5) await sleep(1_000);
      } while (finalized < block + 5);
      const [carrying, after] = await Promise.all([
        api.rpc.chain.getBlockHash(block), api.rpc.chain.getBlockHash(block + 1)]);
      const [before, now] = await Promise.all([
        api.rpc.state.getRuntimeVersion(carrying), api.rpc.state.getRuntimeVersion(after)]);
      if (before.specVersion.toNumber() !== specVersion || now.specVersion.toNumber() <= specVersion) {
        throw new Error(`${name}: spec ${before.specVersion} in #${block} and ${now.specVersion} ` +
          `in #${block + 1}, expected ${specVersion} and then higher`);
      }
      return { name, carrying: carrying.toHex(), after: after.toHex(), finalized };
    }));
  }
  for (const node of seen.slice(1)) {
    if (node.carrying !== seen[0].carrying || node.after !== seen[0].after) {
      throw new Error(`${node.name} and ${seen[0].name} disagree on blocks #${block} and #${block + 1}`);
    }
  }
  console.log(`every validator ran the new runtime from #${block + 1} and finalized past it`);
  return Math.min(...seen.map((node) => node.finalized));
}
