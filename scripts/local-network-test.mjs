// The `local` consortium by hand, as the README describes it: four validators on loopback,
// one per institution, each with its node key; blocks must finalize on every node. A fifth
// node whose peer id the chain has not authorised must get no peers.
//
// Usage: node scripts/local-network-test.mjs

import { connect, waitForFinalized } from './lib/chain.mjs';
import { startNode } from './lib/node.mjs';

const key = (n) => n.toString(16).padStart(64, '0');
const results = [];

async function check(name, body) {
  try {
    await body();
    results.push(true);
    console.log(`ok   ${name}`);
  } catch (error) {
    results.push(false);
    console.log(`FAIL ${name}: ${error.message}`);
  }
}

async function main() {
  const validators = [];
  const apis = [];
  let stranger;
  try {
    console.log('starting four validators of the local chain on 127.0.0.1');
    for (const [i, who] of ['alice', 'bob', 'charlie', 'dave'].entries()) {
      const bootnodes = validators.length === 0 ? []
        : ['--bootnodes', `${validators[0].p2pAddress}/p2p/12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp`];
      validators.push(await startNode({ chain: 'local', name: who, nodeKey: key(i + 1),
        extraArgs: [`--${who}`, '--validator', ...bootnodes] }));
    }
    for (const node of validators) apis.push(await connect(node.rpcUrl, { isRunning: node.isRunning }));

    await check('every validator finalizes blocks', async () => {
      await Promise.all(apis.map((api) => waitForFinalized(api, 4, 120_000)));
    });
    await check('each validator is connected to the other three', async () => {
      const peers = await Promise.all(apis.map((api) => api.rpc.system.health()));
      const counts = peers.map((h) => h.peers.toNumber());
      if (counts.some((n) => n !== 3)) throw new Error(`peer counts ${counts.join(', ')}`);
    });

    await check('a node whose peer id is not authorised gets no peers', async () => {
      stranger = await startNode({ chain: 'local', name: 'stranger', nodeKey: key(5),
        extraArgs: ['--bootnodes', `${validators[0].p2pAddress}/p2p/12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp`] });
      const api = await connect(stranger.rpcUrl, { isRunning: stranger.isRunning });
      await new Promise((resolve) => setTimeout(resolve, 20_000));
      const [health, header] = [await api.rpc.system.health(), await api.rpc.chain.getHeader()];
      await api.disconnect();
      if (health.peers.toNumber() !== 0 || header.number.toNumber() !== 0) {
        throw new Error(`it has ${health.peers} peers and block ${header.number}`);
      }
    });
  } finally {
    await Promise.all(apis.map((api) => api.disconnect().catch(() => {})));
    for (const node of [...validators, stranger].filter(Boolean)) {
      const { code } = await node.stop().catch(() => ({ code: 'not stopped' }));
      if (code !== 0) results.push(false);
    }
  }
  const failed = results.filter((ok) => !ok).length;
  console.log(`local network: ${results.length - failed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(`local network test aborted: ${error.stack || error.message}`);
  process.exit(1);
});
