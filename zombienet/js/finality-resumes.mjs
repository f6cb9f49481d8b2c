// After the stopped validators are back, the node finalizes past the point where finality
// stood still, and what was authored meanwhile is what got finalized: the last block seen
// during the stall and the block with the member's transaction are on the finalized chain.
//
// Returns the finalized height reached.

import { heads, recall, until, withApi } from '../../scripts/zombienet-lib.mjs';
import { REMARK } from './finality-stalls.mjs';

export async function run(nodeName, networkInfo) {
  const stall = recall(networkInfo, 'stall');
  return withApi(networkInfo, nodeName, async (api) => {
    const reached = await until(async () => {
      const { finalized } = await heads(api);
      return finalized > stall.best ? finalized : undefined;
    });

    const kept = (await api.rpc.chain.getBlockHash(stall.best)).toHex();
    if (kept !== stall.bestHash) {
      throw new Error(`#${stall.best} was ${stall.bestHash} during the stall, but ${kept} ` +
        'was finalized: the blocks authored meanwhile were lost');
    }
    const remarkHash = (await api.rpc.chain.getBlockHash(stall.remarkBlock)).toHex();
    if (remarkHash !== stall.remarkHash) {
      throw new Error(`the block with the member's transaction (#${stall.remarkBlock}, ` +
        `${stall.remarkHash}) is not on the finalized chain (it has ${remarkHash})`);
    }
    const { block } = await api.rpc.chain.getBlock(remarkHash);
    const found = block.extrinsics.some(({ method }) => method.section === 'system'
      && method.method === 'remark' && method.args[0].toUtf8() === REMARK);
    if (!found) throw new Error(`block #${stall.remarkBlock} does not hold the member's remark`);

    console.log(`${nodeName}: finalized #${reached}, past the stall at #${stall.finalized} ` +
      `and the last block authored during it (#${stall.best})`);
    return reached;
  });
}
