// The nodes named in the step's arguments are connected to one another, have finalized the
// same blocks, and each of the four genesis validators authored at least one of them.
//
// Returns the finalized height the nodes agree on.

import { auraAuthor, genesisAuraKeys, heads, withApi } from '../../scripts/zombienet-lib.mjs';

export async function run(nodeName, networkInfo, args) {
  const names = args.length ? args : [nodeName];
  const peers = await Promise.all(names.map((name) =>
    withApi(networkInfo, name, async (api) => (await api.rpc.system.health()).peers.toNumber())));
  if (peers.some((count) => count < names.length - 1)) {
    throw new Error(`peer counts ${names.map((name, i) => `${name} ${peers[i]}`).join(', ')}`);
  }

  const finalized = await Promise.all(names.map((name) =>
    withApi(networkInfo, name, async (api) => (await heads(api)).finalized)));
  const height = Math.min(...finalized);
  if (height < 4) throw new Error(`finalized heights ${finalized.join(', ')}: too few to compare`);

  const hashes = await Promise.all(names.map((name) =>
    withApi(networkInfo, name, async (api) => (await api.rpc.chain.getBlockHash(height)).toHex())));
  if (new Set(hashes).size !== 1) {
    throw new Error(`the nodes finalized different blocks at #${height}: ` +
      names.map((name, i) => `${name} ${hashes[i]}`).join(', '));
  }

  const authored = Object.fromEntries(Object.entries(await genesisAuraKeys())
    .map(([name, key]) => [key, name]));
  const authors = new Set();
  await withApi(networkInfo, names[0], async (api) => {
    for (let n = 1; n <= height; n += 1) {
      const header = await api.rpc.chain.getHeader(await api.rpc.chain.getBlockHash(n));
      authors.add(authored[await auraAuthor(api, header)] ?? 'someone else');
    }
  });
  const missing = Object.values(authored).filter((name) => !authors.has(name));
  if (missing.length) {
    throw new Error(`blocks #1 to #${height} have no block of ${missing.join(', ')} ` +
      `(authors: ${[...authors].join(', ')})`);
  }
  return height;
}
