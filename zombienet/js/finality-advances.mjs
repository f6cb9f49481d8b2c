// The node's finalized head moves at least `blocks` (first argument, default 5) blocks past
// where it was when the step started.
//
// Returns how many blocks were finalized.

import { heads, until, withApi } from '../../scripts/zombienet-lib.mjs';

export async function run(nodeName, networkInfo, args) {
  const blocks = Number(args[0] ?? 5);
  return withApi(networkInfo, nodeName, async (api) => {
    const start = (await heads(api)).finalized;
    const reached = await until(async () => {
      const { finalized } = await heads(api);
      return finalized >= start + blocks ? finalized : undefined;
    });
    console.log(`${nodeName}: finalized #${start} to #${reached}`);
    return reached - start;
  });
}
