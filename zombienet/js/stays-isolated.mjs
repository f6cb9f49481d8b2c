// The node (Northfield's, whose peer id the chain has not authorised) has no peer and no
// block but genesis for `seconds` (first argument, default 30), sampled every second, while
// the validators go on authoring; and no validator counts it among its peers.
//
// Returns the number of blocks the validators authored meanwhile.

import { heads, sleep, withApi } from '../../scripts/zombienet-lib.mjs';

const VALIDATORS = ['alice', 'bob', 'charlie', 'dave'];

export async function run(nodeName, networkInfo, args) {
  const seconds = Number(args[0] ?? 30);
  const before = await withApi(networkInfo, 'alice', heads);
  await withApi(networkInfo, nodeName, async (api) => {
    const deadline = Date.now() + seconds * 1_000;
    while (Date.now() < deadline) {
      const [health, header] = [await api.rpc.system.health(), await api.rpc.chain.getHeader()];
      if (health.peers.toNumber() !== 0 || header.number.toNumber() !== 0) {
        throw new Error(`${nodeName} has ${health.peers} peers and is at block #${header.number}`);
      }
      await sleep(1_000);
    }
  });
  const after = await withApi(networkInfo, 'alice', heads);
  const authored = after.best - before.best;
  if (authored < seconds / 6) {
    throw new Error(`the validators authored only ${authored} blocks in ${seconds} s`);
  }
  for (const name of VALIDATORS) {
    const peers = await withApi(networkInfo, name, async (api) => (await api.rpc.system.health())
      .peers.toNumber());
    if (peers !== VALIDATORS.length - 1) {
      throw new Error(`${name} has ${peers} peers; it should have only the other validators`);
    }
  }
  console.log(`${nodeName}: no peer and no block for ${seconds} s, while the validators ` +
    `authored ${authored} blocks`);
  return authored;
}
