// What the zombienet suite's js-script steps (zombienet/js/) share. It lives here so that it,
// and the steps through it, use the client's own polkadot.js (scripts/node_modules) and its
// helpers, not the copy zombienet brings for itself.
//
// Zombienet calls a step's `run(nodeName, networkInfo, args)` and fails the test if it throws
// or does not return within the step's `within N seconds`.

import { WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { base58Decode, cryptoWaitReady } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bureauMotion, connect, findEvent, sleep, submit } from './lib/chain.mjs';

export { bureauMotion, findEvent, sleep, submit };

/** The fifth institution, which the `local` genesis does not know, and its node. */
export const NORTHFIELD = {
  name: 'Northfield Village Health Station',
  kind: 'HealthStation',
  node: 'northfield',
  // The peer id of node key 0x..05 (zombienet/node-keys/northfield).
  peerId: '12D3KooWSuTq6MG9gPt7qZqLFKkYrfxMewTZhj9nmRHJkPwzWDG2',
};

/**
 * The accounts the steps sign with: the bureau (Alice and Bob), a member who is no part of
 * governance (Dave, a doctor), and Northfield's admin and validator accounts.
 */
export async function accounts() {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519' });
  return {
    alice: keyring.addFromUri('//Alice'),
    bob: keyring.addFromUri('//Bob'),
    dave: keyring.addFromUri('//Dave'),
    northfieldAdmin: keyring.addFromUri('//Northfield'),
    northfieldValidator: keyring.addFromUri('//Northfield//validator'),
  };
}

/** The Aura keys (hex) of the `local` genesis validators, by node name. */
export async function genesisAuraKeys() {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519' });
  const keys = {};
  for (const name of ['alice', 'bob', 'charlie', 'dave']) {
    const uri = `//${name[0].toUpperCase()}${name.slice(1)}`;
    keys[name] = u8aToHex(keyring.addFromUri(uri).publicKey);
  }
  return keys;
}

/** A polkadot.js connection to the network's node `name`. */
export function connectTo(networkInfo, name) {
  const node = networkInfo.nodesByName[name];
  if (!node) throw new Error(`the network has no node named ${name}`);
  return connect(node.wsUri, { timeoutMs: 30_000 });
}

/** Runs `body(api)` on a connection to node `name`, and disconnects whatever happens. */
export async function withApi(networkInfo, name, body) {
  const api = await connectTo(networkInfo, name);
  try {
    return await body(api);
  } finally {
    await api.disconnect().catch(() => {});
  }
}

/**
 * Calls the RPC method `method` of node `name` directly, for the methods polkadot.js has no
 * definition of (such as `author_rotateKeysWithOwner`).
 */
export async function rpcCall(networkInfo, name, method, params = []) {
  const provider = new WsProvider(networkInfo.nodesByName[name].wsUri, false);
  try {
    await provider.connect();
    await provider.isReady;
    return await provider.send(method, params);
  } finally {
    await provider.disconnect().catch(() => {});
  }
}

// Steps run one after another in one process but share nothing in memory that is safe to
// rely on, so what one step saw and a later one checks goes in a file of the network's own
// directory.
const stateFile = (networkInfo) => join(networkInfo.tmpDir, 'chronicle-steps.json');

/** Remembers `value` under `key` for the later steps of this test. */
export function remember(networkInfo, key, value) {
  let state = {};
  try {
    state = JSON.parse(readFileSync(stateFile(networkInfo), 'utf8'));
  } catch {
    // The first step to remember anything creates the file.
  }
  state[key] = value;
  writeFileSync(stateFile(networkInfo), JSON.stringify(state, null, 2));
}

/** What an earlier step remembered under `key`; fails if it remembered nothing. */
export function recall(networkInfo, key) {
  let state;
  try {
    state = JSON.parse(readFileSync(stateFile(networkInfo), 'utf8'));
  } catch {
    state = {};
  }
  if (!(key in state)) throw new Error(`no earlier step of this test remembered "${key}"`);
  return state[key];
}

/** The value of the Prometheus metric `metricName` of node `name`, 0 if it has none yet. */
export async function metric(networkInfo, name, metricName) {
  const text = await (await fetch(networkInfo.nodesByName[name].prometheusUri)).text();
  const line = text.split('\n')
    .find((l) => l.startsWith(`${metricName} `) || l.startsWith(`${metricName}{`));
  return line ? Number(line.split(' ').pop()) : 0;
}

/** The numbers and hashes of a node's best and finalized blocks. */
export async function heads(api) {
  const finalizedHash = await api.rpc.chain.getFinalizedHead();
  const [best, finalized] = await Promise.all([
    api.rpc.chain.getHeader(),
    api.rpc.chain.getHeader(finalizedHash),
  ]);
  return {
    best: best.number.toNumber(),
    bestHash: best.hash.toHex(),
    finalized: finalized.number.toNumber(),
    finalizedHash: finalized.hash.toHex(),
  };
}

/**
 * Polls `probe()` every `everyMs` until it returns something other than undefined, and
 * returns that. Zombienet's `within` bounds the step, so this has no deadline of its own.
 */
export async function until(probe, everyMs = 1_000) {
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    await sleep(everyMs);
  }
}

/** The bytes of a base58 peer id, as pallet-node-authorization stores them. */
export function peerIdBytes(peerId) {
  return u8aToHex(base58Decode(peerId));
}

/**
 * The Aura key (hex) of the validator that authored the block with `header`: the author of
 * slot s is authority s mod n of the authorities in force at the block's parent.
 */
export async function auraAuthor(api, header) {
  const preRuntime = header.digest.logs.find((log) => log.isPreRuntime
    && log.asPreRuntime[0].toString() === 'aura');
  if (!preRuntime) throw new Error(`block #${header.number} has no Aura pre-runtime digest`);
  const slot = api.createType('u64', preRuntime.asPreRuntime[1]).toBigInt();
  const authorities = await (await api.at(header.parentHash)).query.aura.authorities();
  return authorities[Number(slot % BigInt(authorities.length))].toHex();
}
