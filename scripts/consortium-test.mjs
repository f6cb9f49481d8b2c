// The operator's path on one machine, as docs/operators.md describes it: a three-institution
// consortium configuration, keys generated the documented way (node keys and session keys made
// by `chronicle-node key`, private parts only inserted into each node's own keystore), the chain
// specification built from the configuration, three validators started on loopback, finality
// reached, then stopped. Also checks that a bad configuration is refused naming the field.
//
// Usage: node scripts/consortium-test.mjs

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, waitForFinalized } from './lib/chain.mjs';
import { freePort, nodeBinary, startNode } from './lib/node.mjs';

const node = nodeBinary();
const chronicle = (...args) => execFileSync(node, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
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

/** One institution's key ceremony: a node key, and a session key phrase for aura and grandpa. */
function ceremony(dir, name) {
  const nodeKeyFile = join(dir, `${name}.node-key`);
  chronicle('key', 'generate-node-key', '--file', nodeKeyFile);
  const peerId = chronicle('key', 'inspect-node-key', '--file', nodeKeyFile).trim();
  const generated = JSON.parse(chronicle('key', 'generate', '--scheme', 'sr25519', '--output-type', 'json'));
  const phrase = generated.secretPhrase;
  const grandpa = JSON.parse(chronicle('key', 'inspect', phrase, '--scheme', 'ed25519', '--output-type', 'json'));
  const account = JSON.parse(chronicle('key', 'generate', '--output-type', 'json'));
  const admin = JSON.parse(chronicle('key', 'generate', '--output-type', 'json'));
  return { name, nodeKeyFile, peerId, phrase, aura: generated.ss58Address, grandpa: grandpa.ss58Address,
    account: account.ss58Address, admin: admin.ss58Address };
}

function configuration(keys, bureau, bootPort) {
  const institutions = keys.map((k) => `[[institutions]]\nname = "${k.name}"\nkind = "general-hospital"\nadmin = "${k.admin}"\n`);
  const validators = keys.map((k) => `[[validators]]\ninstitution = "${k.name}"\naccount = "${k.account}"\n` +
    `aura = "${k.aura}"\ngrandpa = "${k.grandpa}"\npeer_id = "${k.peerId}"\n`);
  return `[chain]\nname = "Loopback Consortium"\nid = "loopback"\n` +
    `boot_nodes = ["/ip4/127.0.0.1/tcp/${bootPort}/p2p/${keys[0].peerId}"]\n\n` +
    `[bureau]\nmembers = ["${bureau}"]\n\n${institutions.join('\n')}\n${validators.join('\n')}`;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-consortium-'));
  const nodes = [];
  const apis = [];
  try {
    const keys = ['North Hospital', 'South Hospital', 'East Health Centre'].map((name) => ceremony(dir, name));
    const bureau = JSON.parse(chronicle('key', 'generate', '--output-type', 'json')).ss58Address;
    const configPath = join(dir, 'consortium.toml');

    await check('a bad configuration is refused naming the field', async () => {
      writeFileSync(configPath, configuration(keys, bureau, 30333).replace(`members = ["${bureau}"]`, 'members = []'));
      let message = '';
      try {
        chronicle('consortium-spec', '--config', configPath);
      } catch (error) {
        message = error.stderr;
      }
      if (!message.includes('bureau.members: the bureau needs at least one member')) {
        throw new Error(`unexpected output: ${message}`);
      }
    });

    // The first validator's port must be known before the specification names it as boot node.
    const bootPort = await freePort();
    writeFileSync(configPath, configuration(keys, bureau, bootPort));
    const specPath = join(dir, 'consortium.json');

    await check('the chain specification is built from the configuration, with no sudo key', async () => {
      chronicle('consortium-spec', '--config', configPath, '--raw', '--output', specPath);
      const spec = JSON.parse(readFileSync(specPath, 'utf8'));
      if (spec.name !== 'Loopback Consortium' || spec.chainType !== 'Live') throw new Error('wrong spec header');
    });

    await check('three validators with their inserted keys finalize blocks', async () => {
      for (const [i, k] of keys.entries()) {
        const basePath = join(dir, `node-${i}`);
        for (const [scheme, type] of [['sr25519', 'aura'], ['ed25519', 'gran']]) {
          chronicle('key', 'insert', '--base-path', basePath, '--chain', specPath, '--scheme', scheme,
            '--suri', k.phrase, '--key-type', type);
        }
        const listen = i === 0 ? ['--listen-addr', `/ip4/127.0.0.1/tcp/${bootPort}`] : [];
        nodes.push(await startNode({ chain: specPath, name: `validator-${i}`, basePath,
          extraArgs: ['--validator', '--node-key-file', k.nodeKeyFile, ...listen] }));
      }
      for (const n of nodes) apis.push(await connect(n.rpcUrl, { isRunning: n.isRunning }));
      await Promise.all(apis.map((api) => waitForFinalized(api, 3, 120_000)));
      const sudoKey = await apis[0].query.sudo.key();
      if (sudoKey.isSome) throw new Error('the consortium chain has a sudo key');
    });
  } finally {
    await Promise.all(apis.map((api) => api.disconnect().catch(() => {})));
    for (const n of nodes) {
      const { code } = await n.stop().catch(() => ({ code: 'not stopped' }));
      if (code !== 0) results.push(false);
    }
    rmSync(dir, { recursive: true, force: true });
  }
  const failed = results.filter((ok) => !ok).length;
  console.log(`consortium: ${results.length - failed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(`consortium test aborted: ${error.stack || error.message}`);
  process.exit(1);
});
