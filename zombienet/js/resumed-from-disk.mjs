// A restarted node started from its own database, not from genesis, and caught up with the
// node named in the first argument.
//
// The proof that the database survived is what the node reports at once: the block it
// started from (`system_syncState.startingBlock`, its best block when it started) is at
// least the finalized block it had before it was stopped, and it still has that block.
// A node that lost its data starts from block 0, however fast it then syncs.
//
// Returns the block the node started from.

import { heads, recall, until, withApi } from '../../scripts/zombienet-lib.mjs';

export async function run(nodeName, networkInfo, args) {
  const reference = args[0] ?? 'alice';
  const before = recall(networkInfo, `heads of ${nodeName}`);
  const startingBlock = await withApi(networkInfo, nodeName, async (api) => {
    const { startingBlock } = await api.rpc.system.syncState();
    const started = startingBlock.toNumber();
    if (started < before.finalized) {
      throw new Error(`${nodeName} started from block #${started}, but it had finalized ` +
        `#${before.finalized} before it was stopped: its database was not kept`);
    }
    const hash = (await api.rpc.chain.getBlockHash(before.finalized)).toHex();
    if (hash !== before.finalizedHash) {
      throw new Error(`${nodeName} has ${hash} at #${before.finalized}, ` +
        `not the ${before.finalizedHash} it had finalized before it was stopped`);
    }
    console.log(`${nodeName}: stopped at best #${before.best}, started again from #${started}`);
    return started;
  });

  const target = await withApi(networkInfo, reference, heads);
  await withApi(networkInfo, nodeName, (api) => until(async () => {
    const now = await heads(api);
    return now.best >= target.best && now.finalized >= target.finalized ? true : undefined;
  }));
  console.log(`${nodeName}: caught up with ${reference} at best #${target.best}, ` +
    `finalized #${target.finalized}`);
  return startingBlock;
}
