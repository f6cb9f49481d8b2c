// Remembers the node's best and finalized blocks, for a later step to compare with.
//
// Returns the node's best block number.

import { heads, remember, withApi } from '../../scripts/zombienet-lib.mjs';

export async function run(nodeName, networkInfo) {
  const seen = await withApi(networkInfo, nodeName, heads);
  remember(networkInfo, `heads of ${nodeName}`, seen);
  console.log(`${nodeName}: best #${seen.best}, finalized #${seen.finalized}`);
  return seen.best;
}
