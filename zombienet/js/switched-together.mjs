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
      const [parent, carrying, after] = await Promise.all([block - 1, block, block + 1]
        .map((n) => api.rpc.chain.getBlockHash(n)));
      const [ranCarrying, ranAfter] = await Promise.all([
        api.rpc.state.getRuntimeVersion(parent), api.rpc.state.getRuntimeVersion(carrying)]);
      if (ranCarrying.specVersion.toNumber() !== specVersion
        || ranAfter.specVersion.toNumber() <= specVersion) {
        throw new Error(`${name}: #${block} ran spec ${ranCarrying.specVersion} and ` +
          `#${block + 1} spec ${ranAfter.specVersion}, expected ${specVersion} and then higher`);
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
