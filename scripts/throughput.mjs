// The chain's throughput, measured: how many `system.remark`s, single anchors and records in
// Merkle batches a dev node includes per second when the pool is kept full, with block
// fullness, the limit each block hit, the node's CPU and memory, state growth per record, and
// the time to check a batch proof through the runtime API. Prints one table; see the README
// section "Throughput".
//
// Every transaction is signed before its phase starts, so signing costs nothing during the
// measurement. Transactions are submitted over one WebSocket with `author_submitExtrinsic`,
// keeping at most `--window` of them not yet finalized: the pool holds a transaction until its
// block is finalized, so it must have room for several blocks' worth. The node runs with
// `--pool-limit 131072`. The default, 8,192, is about two full blocks of remarks; worse, the
// pool's future queue is a tenth of that limit, and when a new block's view of the pool takes
// in the waiting transactions out of nonce order, more than that can be "future" for a moment:
// the excess is dropped, leaving nonce gaps that stall their signers. So the future queue
// (13,107 here) is kept above the window, 12,000, about three blocks of remarks.
//
// The chain sees only a batch's root and leaf count, so most batch roots in the load are
// random bytes; the first few are real trees, checked through the runtime API afterwards, and
// the time to build one tree is reported as the institution's side of the cost.
//
// Usage: node scripts/throughput.mjs [--count N] [--signers N] [--leaves N] [--window N]
//          [--patients N] [--base-path DIR]

import { copyFileSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { blake2AsHex, cryptoWaitReady } from '@polkadot/util-crypto';
import { connect, sleep, submit, submitMany } from './lib/chain.mjs';
import { buildTree } from './lib/merkle.mjs';
import { startNode } from './lib/node.mjs';

const options = parseOptions(process.argv.slice(2), {
  count: 24_000, // transactions per phase
  signers: 16, // staff accounts that sign the load
  leaves: 4_096, // records per Merkle batch
  window: 12_000, // transactions submitted but not yet finalized, at most
  patients: 16, // patients the single anchors are spread over
  'base-path': '', // keep the chain's database here (for `benchmark storage`)
});

/** Batches of the load built as real trees, to be checked once they are anchored. */
const REAL_BATCHES = 16;

function parseOptions(args, defaults) {
  const parsed = { ...defaults };
  for (let i = 0; i < args.length; i += 1) {
    const name = args[i].replace(/^--/, '');
    if (!(name in defaults)) throw new Error(`unknown option ${args[i]}`);
    if (typeof defaults[name] === 'string') {
      if (!args[i + 1]) throw new Error(`--${name} needs a value`);
      parsed[name] = args[i + 1];
    } else {
      const value = Number(args[i + 1]);
      if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} needs a positive integer`);
      parsed[name] = value;
    }
    i += 1;
  }
  return parsed;
}

const log = (message) => console.log(`throughput: ${message}`);
const hexBytes = (n) => `0x${randomBytes(n).toString('hex')}`;

/** Staff of the dev chain's hospital who sign the load, and patients for the anchors. */
async function prepare(api, keyring) {
  const alice = keyring.addFromUri('//Alice');
  const admin = keyring.addFromUri('//Charlie'); // the hospital's administrator
  const signers = Array.from({ length: options.signers },
    (_, i) => keyring.addFromUri(`//Throughput//${i}`));
  log(`adding ${signers.length} staff accounts to institution 0`);
  await submit(api, api.tx.utility.batchAll(
    signers.map((s) => api.tx.institutions.addStaff(s.address, 'Doctor'))), admin);

  log(`registering ${options.patients} patients`);
  const firstPatient = (await api.query.patients.nextPatientId()).toNumber();
  const registrations = Array.from({ length: options.patients },
    () => api.tx.patients.registerPatient(keyring.addFromUri(hexBytes(32)).address, hexBytes(32)));
  const results = await submitMany(api, registrations, signers[0]);
  const refused = results.filter((r) => !r.ok);
  if (refused.length > 0) throw new Error(`patient registration failed: ${refused[0].error}`);
  const patients = Array.from({ length: options.patients }, (_, i) => firstPatient + i);
  return { alice, signers, patients };
}

/**
 * Signs `count` calls from `make(i)`, spread round-robin over the signers with consecutive
 * nonces, immortal so they stay valid however long the phase takes.
 */
async function signAhead(api, signers, count, make) {
  const nonces = await Promise.all(
    signers.map(async (s) => (await api.rpc.system.accountNextIndex(s.address)).toNumber()));
  const immortal = api.registry.createType('ExtrinsicEra', '0x00');
  const signed = new Array(count);
  for (let i = 0; i < count; i += 1) {
    const who = i % signers.length;
    const tx = make(i).sign(signers[who], {
      nonce: nonces[who] + Math.floor(i / signers.length),
      era: immortal,
      blockHash: api.genesisHash,
      genesisHash: api.genesisHash,
      runtimeVersion: api.runtimeVersion,
      signedExtensions: api.registry.signedExtensions,
    });
    signed[i] = tx.toHex();
  }
  return signed;
}

/** Seconds of CPU the process `pid` has used, and its resident memory in MiB. */
function processUsage(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime, 100 per second
  const rss = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);
  return { cpu: ticks / 100, rssMiB: rss / 1024 };
}

function directoryBytes(path) {
  let total = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const full = join(path, entry.name);
    total += entry.isDirectory() ? directoryBytes(full) : statSync(full).size;
  }
  return total;
}

/**
 * Follows new best blocks and sorts their extrinsics into the phases by hash: for each block,
 * its number, timestamp, extrinsic count and bytes per phase, and the weight it used.
 */
function followBlocks(api, raw, phaseOf) {
  const blocks = [];
  const includedHashes = new Set();
  const waiting = [];
  let queue = Promise.resolve();
  const seen = new Set();
  let finalized = 0;
  const unsubscribeFinalized = api.rpc.chain.subscribeFinalizedHeads((header) => {
    finalized = header.number.toNumber();
  });
  const unsubscribe = api.rpc.chain.subscribeNewHeads((header) => {
    queue = queue.then(async () => {
      const number = header.number.toNumber();
      if (seen.has(number)) return;
      seen.add(number);
      const hash = header.hash.toHex();
      const [block, weight, now] = await Promise.all([
        raw.send('chain_getBlock', [hash]),
        api.query.system.blockWeight.at(hash),
        api.query.timestamp.now.at(hash),
      ]);
      const counts = {};
      let bytes = 0;
      for (const extrinsic of block.block.extrinsics) {
        bytes += (extrinsic.length - 2) / 2;
        const hash = blake2AsHex(extrinsic);
        const phase = phaseOf.get(hash);
        if (phase) {
          counts[phase] = (counts[phase] ?? 0) + 1;
          includedHashes.add(hash);
        }
      }
      blocks.push({ number, hash, timestamp: now.toNumber(), counts, bytes,
        extrinsics: block.block.extrinsics.length, normalWeight: weight.normal.refTime.toBigInt() });
      for (const wake of waiting.splice(0)) wake();
    }).catch((error) => log(`could not read block ${header.number}: ${error.message}`));
  });
  return {
    blocks,
    isIncluded: (hash) => includedHashes.has(hash),
    included: (phase) => blocks.reduce((sum, b) => sum + (b.counts[phase] ?? 0), 0),
    finalized: (phase) => blocks.filter((b) => b.number <= finalized)
      .reduce((sum, b) => sum + (b.counts[phase] ?? 0), 0),
    nextBlock: () => new Promise((resolve) => waiting.push(resolve)),
    stop: async () => {
      (await unsubscribe)();
      (await unsubscribeFinalized)();
    },
  };
}

/** Why the node's author stopped filling each block, from its log, by block number. */
function endReasons(logPath) {
  const reasons = new Map();
  const pattern = /Prepared block for proposing at (\d+) \((\d+) ms\).*end: (\w+)/;
  for (const line of readFileSync(logPath, 'utf8').split('\n')) {
    const match = pattern.exec(line);
    if (match) reasons.set(Number(match[1]), { ms: Number(match[2]), reason: match[3] });
  }
  return reasons;
}

/**
 * Submits `signed` (hex; transaction i is signer i mod `signers`' next nonce) keeping at most
 * `window` not yet finalized, and waits until all are in blocks. Each signer's transactions go
 * one after the other, in nonce order: sent out of order, later nonces would wait in the
 * pool's small future queue and could be evicted from it, leaving a gap that stalls the rest.
 * Returns the node's CPU seconds and peak memory over the phase.
 */
async function runPhase(raw, node, follower, phase, signed, hashes, signers) {
  const before = processUsage(node.pid);
  let peakRss = before.rssMiB;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, processUsage(node.pid).rssMiB);
  }, 500);
  const started = Date.now();
  let sent = 0;
  let refusal;
  const overdue = () => Date.now() - started > 600_000;
  const worker = async (first) => {
    for (let i = first; i < signed.length && !refusal && !overdue(); i += signers) {
      while (sent - follower.finalized(phase) >= options.window && !overdue()) {
        await Promise.race([follower.nextBlock(), sleep(1_000)]);
      }
      sent += 1;
      await raw.send('author_submitExtrinsic', [signed[i]]).catch((error) => {
        refusal ??= error.message;
      });
    }
  };
  const progress = setInterval(() => log(`${phase}: ${sent} sent, ${follower.included(phase)} in ` +
    `blocks, ${follower.finalized(phase)} finalized`), 10_000);
  await Promise.all(Array.from({ length: signers }, (_, first) => worker(first)));
  // Should the pool still drop some (it reports nothing), their signers stall at the gap:
  // after three blocks with no progress, send every transaction not yet in a block again, in
  // nonce order; the pool refuses the ones it still holds, and those errors are expected.
  let resubmissions = 0;
  let idleBlocks = 0;
  let lastIncluded = follower.included(phase);
  while (!refusal && follower.included(phase) < signed.length && !overdue()) {
    await Promise.race([follower.nextBlock(), sleep(3_000)]);
    const included = follower.included(phase);
    idleBlocks = included === lastIncluded ? idleBlocks + 1 : 0;
    lastIncluded = included;
    if (idleBlocks < 3) continue;
    const missing = hashes.filter((hash) => !follower.isIncluded(hash)).length;
    log(`${phase}: ${missing} transactions accepted but lost by the pool; sending them again`);
    resubmissions += missing;
    idleBlocks = 0;
    await Promise.all(Array.from({ length: signers }, async (_, first) => {
      for (let i = first; i < signed.length; i += signers) {
        if (!follower.isIncluded(hashes[i])) await raw.send('author_submitExtrinsic', [signed[i]]).catch(() => {});
      }
    }));
  }
  clearInterval(sampler);
  clearInterval(progress);
  if (refusal) throw new Error(`${phase}: the pool refused a transaction: ${refusal}`);
  if (overdue()) {
    throw new Error(`${phase}: ${follower.included(phase)} of ${signed.length} included ` +
      'after 10 minutes');
  }
  const after = processUsage(node.pid);
  return { cpuSeconds: after.cpu - before.cpu, peakRss, resubmissions,
    wallSeconds: (Date.now() - started) / 1000 };
}

/**
 * The sustained rate of a phase: its transactions in the blocks strictly between the first
 * and the last block that carry any, over the time those blocks took. The first and last
 * blocks are left out because the load was still building up or running out.
 */
function phaseFigures(follower, phase, reasons, maxNormalWeight) {
  const carrying = follower.blocks.filter((b) => b.counts[phase]).sort((a, b) => a.number - b.number);
  if (carrying.length < 4) throw new Error(`${phase}: only ${carrying.length} blocks; raise --count`);
  const steady = carrying.slice(1, -1);
  const seconds = (steady[steady.length - 1].timestamp - carrying[0].timestamp) / 1000;
  const count = steady.reduce((sum, b) => sum + b.counts[phase], 0);
  const ends = {};
  for (const b of steady) {
    const reason = reasons.get(b.number)?.reason ?? 'unknown';
    ends[reason] = (ends[reason] ?? 0) + 1;
  }
  const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;
  return {
    perSecond: count / seconds,
    perBlock: mean(steady.map((b) => b.counts[phase])),
    weightShare: mean(steady.map((b) => Number(b.normalWeight) / maxNormalWeight)),
    // Ordinary transactions are the only normal-class extrinsics in these blocks.
    weightPerTx: mean(steady.map((b) => Number(b.normalWeight) / b.counts[phase])),
    lengthBytes: mean(steady.map((b) => b.bytes)),
    authoringMs: mean(steady.map((b) => reasons.get(b.number)?.ms ?? 0)),
    ends,
    blocks: steady.length,
  };
}

/** Bytes of storage one anchored record adds: the record and its two index entries. */
async function bytesPerRecord(api, contentHash, patient, institution) {
  const keys = [
    api.query.records.records.key(contentHash),
    api.query.records.patientRecords.key(patient, contentHash),
    api.query.records.institutionRecords.key(institution, contentHash),
  ];
  let total = 0;
  for (const key of keys) {
    const value = await api.rpc.state.getStorage(key);
    if (value.isNone) throw new Error(`storage ${key} of an anchored record is missing`);
    total += (key.length - 2) / 2 + value.unwrap().length;
  }
  return total;
}

/** Median and 99th percentile, in milliseconds, of `rounds` sequential calls of `call`. */
async function timeCalls(rounds, call) {
  const times = [];
  for (let i = 0; i < rounds; i += 1) {
    const start = process.hrtime.bigint();
    await call(i);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(rounds / 2)], p99: times[Math.floor(rounds * 0.99)] };
}

/** A Markdown table of `header` and `rows`, columns padded to line up. */
function table(header, rows) {
  const all = [header, ...rows].map((r) => r.map(String));
  const widths = header.map((_, c) => Math.max(...all.map((r) => r[c].length)));
  const line = (r) => `| ${r.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
  return [line(all[0]), line(widths.map((w) => '-'.repeat(w))), ...all.slice(1).map(line)].join('\n');
}

async function main() {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519' });
  const node = await startNode({ chain: 'dev', name: 'throughput',
    extraArgs: ['--alice', '--validator', '--pool-limit', '131072', '--pool-kbytes', '262144'],
    basePath: options['base-path'] || undefined });
  let api;
  let failed = true;
  // A second connection, for raw JSON-RPC: submissions and blocks, without decoding.
  const raw = new WsProvider(node.rpcUrl, false);
  try {
    api = await connect(node.rpcUrl, { isRunning: node.isRunning });
    await raw.connect();
    await raw.isReady;
    const { signers, patients } = await prepare(api, keyring);
    const institution = 0;
    const maxNormalWeight = Number(api.consts.system.blockWeights.perClass.normal.maxTotal.unwrap().refTime.toBigInt());

    const phaseOf = new Map();
    const follower = followBlocks(api, raw, phaseOf);
    const results = {};
    const anchored = [];
    const realBatches = [];
    let treeMs = 0;
    const phases = [
      ['remark', (i) => api.tx.system.remark(hexBytes(32))],
      ['single anchor', (i) => {
        const contentHash = hexBytes(32);
        anchored.push({ contentHash, patient: patients[i % patients.length] });
        return api.tx.records.anchorRecord(patients[i % patients.length], contentHash, 'Observation', null);
      }],
      ['batch anchor', (i) => {
        if (i >= REAL_BATCHES) return api.tx.records.anchorBatch(hexBytes(32), options.leaves);
        const leaves = Array.from({ length: options.leaves }, () => hexBytes(32));
        const start = performance.now();
        const { root, proofs } = buildTree(leaves, [i]);
        treeMs += performance.now() - start;
        realBatches.push({ root, leaf: leaves[i], proof: proofs[i], index: i });
        return api.tx.records.anchorBatch(root, leaves.length);
      }],
    ];
    const recordKeys = async () => {
      let count = 0;
      let start;
      const prefix = api.query.records.records.keyPrefix();
      for (;;) {
        const page = await api.rpc.state.getKeysPaged(prefix, 1000, start);
        count += page.length;
        if (page.length < 1000) return count;
        start = page[page.length - 1];
      }
    };

    for (const [phase, make] of phases) {
      const count = options.count;
      log(`${phase}: signing ${count} transactions ahead`);
      const signed = await signAhead(api, signers, count, make);
      const hashes = signed.map((hex) => blake2AsHex(hex));
      for (const hash of hashes) phaseOf.set(hash, phase);
      const recordsBefore = phase === 'single anchor' ? await recordKeys() : 0;
      const diskBefore = directoryBytes(node.dataPath);
      log(`${phase}: submitting`);
      const usage = await runPhase(raw, node, follower, phase, signed, hashes, signers.length);
      results[phase] = { ...usage, diskGrowth: directoryBytes(node.dataPath) - diskBefore };
      if (phase === 'single anchor') {
        results[phase].recordsAnchored = (await recordKeys()) - recordsBefore;
      }
      log(`${phase}: all ${count} in blocks after ${usage.wallSeconds.toFixed(1)} s` +
        (usage.resubmissions ? ` (${usage.resubmissions} sent twice)` : ''));
    }
    await follower.stop();

    for (const { root, leaf, proof, index } of realBatches) {
      const check = await api.call.recordsApi.verifyBatchProof(root, leaf, proof, index);
      if (!check.isIncluded) throw new Error(`batch ${root}: a proof did not verify: ${check}`);
    }
    log(`proofs of ${realBatches.length} batches of the load verify through the runtime API`);

    const reasons = endReasons(node.logPath);
    const figures = Object.fromEntries(phases.map(([phase]) =>
      [phase, phaseFigures(follower, phase, reasons, maxNormalWeight)]));

    // Proof checks through the runtime API, with the longest proof the chain accepts: one
    // batch of 2^20 leaves (the runtime's MaxBatchLeaves), so 20 sibling hashes.
    log('building a batch of 1,048,576 records for the longest proof');
    const bigLeaves = Array.from({ length: 1 << 20 }, () => hexBytes(32));
    const probes = Array.from({ length: 500 }, (_, i) => i * 2_000);
    const bigTree = buildTree(bigLeaves, [...probes, (1 << 20) - 3]);
    await submit(api, api.tx.records.anchorBatch(bigTree.root, bigLeaves.length), signers[0]);
    const index = (1 << 20) - 3;
    const check = await api.call.recordsApi.verifyBatchProof(bigTree.root, bigLeaves[index],
      bigTree.proofs[index], index);
    if (!check.isIncluded) throw new Error(`the longest proof did not verify: ${check.toString()}`);
    const proofTimes = await timeCalls(probes.length, (i) => api.call.recordsApi.verifyBatchProof(
      bigTree.root, bigLeaves[probes[i]], bigTree.proofs[probes[i]], probes[i]));
    const floorTimes = await timeCalls(500, () => api.call.recordsApi.recordStatus(bigLeaves[0]));

    const sample = anchored[anchored.length - 1];
    const stateBytes = await bytesPerRecord(api, sample.contentHash, sample.patient, institution);
    const single = results['single anchor'];

    const remark = figures.remark;
    const one = figures['single anchor'];
    const batch = figures['batch anchor'];
    const recordsPerSecond = batch.perSecond * options.leaves;
    const row = (name, f, perSecond, r) => [name, perSecond.toFixed(0), f.perBlock.toFixed(0),
      `${(f.weightPerTx / 1e6).toFixed(1)} µs`, `${(100 * f.weightShare).toFixed(0)} %`, `${(f.lengthBytes / 1024).toFixed(0)} KiB`,
      `${f.authoringMs.toFixed(0)} ms`, Object.entries(f.ends).map(([k, v]) => `${k} ×${v}`).join(', '),
      `${(100 * r.cpuSeconds / r.wallSeconds).toFixed(0)} %`, `${r.peakRss.toFixed(0)} MiB`];
    console.log('');
    console.log(table(
      ['phase', 'per second', 'per block', 'weight each', 'weight used', 'block size', 'authoring', 'block ended by',
        'node CPU', 'node RSS'], [
      row('system.remark', remark, remark.perSecond, results.remark),
      row('records.anchor_record', one, one.perSecond, single),
      row(`records.anchor_batch (${options.leaves} records)`, batch, batch.perSecond, results['batch anchor']),
    ]));
    console.log('');
    console.log(table(['figure', 'value', 'target'], [
      ['single anchors / remarks', (one.perSecond / remark.perSecond).toFixed(2), '≥ 0.67'],
      ['records per second in batches', recordsPerSecond.toFixed(0), ''],
      [`building one tree of ${options.leaves} leaves (client)`, `${(treeMs / realBatches.length).toFixed(1)} ms`, ''],
      ['batched records / single anchors', (recordsPerSecond / one.perSecond).toFixed(0), '≥ 100'],
      ['state per anchored record (keys + values)', `${stateBytes} B`, ''],
      ['database growth per anchored record', `${(single.diskGrowth / single.recordsAnchored).toFixed(0)} B`, ''],
      ['verify a 20-hash batch proof, runtime API round trip', `${proofTimes.median.toFixed(3)} ms median, ${proofTimes.p99.toFixed(3)} ms p99`, '< 1 ms'],
      ['record status, runtime API round trip (for scale)', `${floorTimes.median.toFixed(3)} ms median`, ''],
    ]));
    console.log('');
    log(`${single.recordsAnchored} records anchored one by one; weight share is of the ` +
      `${(maxNormalWeight / 1e9).toFixed(0)} ms a block allows ordinary transactions`);
    failed = false;
  } finally {
    await api?.disconnect().catch(() => {});
    await raw.disconnect().catch(() => {});
    if (failed) {
      copyFileSync(node.logPath, '/tmp/chronicle-throughput-node.log');
      log('the node log is kept in /tmp/chronicle-throughput-node.log');
    }
    await node.stop();
  }
}

main().catch((error) => {
  console.error(`throughput: ${error.stack || error.message}`);
  process.exit(1);
});
