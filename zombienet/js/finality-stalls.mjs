// With two of the four validators stopped, the node's finalized head stands still for
// `seconds` (first argument, default 30) while blocks are still authored, and a member's
// transaction still gets into a block. Remembers the stalled point, the last block seen and
// the transaction's block, for `finality-resumes.mjs` to check that none of it was lost.
//
// Returns how many blocks were authored while finality stood still.

import { accounts, heads, remember, sleep, submit, withApi } from '../../scripts/zombienet-lib.mjs';

export const REMARK = 'chronicle: written while finality stood still';

export async function run(nodeName, networkInfo, args) {
  const seconds = Number(args[0] ?? 30);
  const { dave } = await accounts();
  return withApi(networkInfo, nodeName, async (api) => {
    // A round the stopped validators had already voted in may still complete: wait (a
    // bounded time) until the finalized head has not moved for two slots.
    let stalled = await heads(api);
    let still = Date.now();
    const settleBy = Date.now() + 30_000;
    while (Date.now() - still < 6_000) {
      if (Date.now() > settleBy) {
        throw new Error(`finality kept advancing (now #${stalled.finalized}) with two of ` +
          'four validators stopped');
      }
      await sleep(1_000);
      const now = await heads(api);
      if (now.finalized !== stalled.finalized) {
        stalled = now;
        still = Date.now();
      }
    }

    const { blockHash } = await submit(api, api.tx.system.remark(REMARK), dave,
      { finalized: false, timeoutMs: seconds * 1_000 });
    const remarkBlock = (await api.rpc.chain.getHeader(blockHash)).number.toNumber();

    const deadline = still + seconds * 1_000;
    let last = stalled;
    while (Date.now() < deadline) {
      await sleep(1_000);
      last = await heads(api);
      if (last.finalized !== stalled.finalized) {
        throw new Error(`finality moved from #${stalled.finalized} to #${last.finalized} ` +
          'with two of four validators stopped');
      }
    }
    const authored = last.best - stalled.best;
    if (authored < 3) {
      throw new Error(`only ${authored} blocks were authored in ${seconds} s with two ` +
        'validators running');
    }
    remember(networkInfo, 'stall', {
      finalized: stalled.finalized,
      best: last.best,
      bestHash: last.bestHash,
      remarkBlock,
      remarkHash: blockHash,
    });
    console.log(`${nodeName}: finalized stayed at #${stalled.finalized} for ${seconds} s ` +
      `while best went from #${stalled.best} to #${last.best}; the remark is in #${remarkBlock}`);
    return authored;
  });
}
