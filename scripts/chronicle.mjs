#!/usr/bin/env node
// chronicle: the integrator's client for a Chronicle node.
//
//   chronicle ingest <dir-or-files...> [--batch] [--batch-size N]
//   chronicle verify <dir-or-files...>
//   chronicle grant --patient N (--institution I | --staff ADDRESS) --purpose P [--scope C,C] [--days D]
//   chronicle revoke --grant G
//   chronicle refer --patient N --to I [--scope C,C] [--days D]
//   chronicle approve --referral R        chronicle decline --referral R
//   chronicle access --patient N --purpose P (--category C | --records 0x..,0x..)
//   chronicle emergency --patient N --reason R (--category C | --records 0x..,0x..)
//   chronicle log --patient N
//
// Common options: --url ws://127.0.0.1:9944, --as SURI (the signing key, e.g. //Dave), and the
// consortium secret in CHRONICLE_CONSORTIUM_SECRET. ingest takes the patients' own public keys
// from --patient-keys FILE (JSON: {"<identifier system>|<value>": "<address>"}); on a
// development chain it may instead derive stand-in keys from the commitments, and
// --as-patient BUNDLE then signs as that bundle's patient.

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ChainError, connect, findEvent, submit } from './lib/chain.mjs';
import { InputError, readBundle } from './lib/fhir.mjs';
import { identityCommitment } from './lib/commitment.mjs';
import { devPatientKey, ingest, isDevelopmentChain, verify } from './lib/ingest.mjs';

const USAGE = `usage: chronicle <ingest|verify|grant|revoke|refer|approve|decline|access|emergency|log> ...
  see the comment at the top of scripts/chronicle.mjs, or README.md`;

const PURPOSES = { treatment: 'Treatment', referral: 'Referral', research: 'Research',
  insurance: 'InsuranceClaim' };
const REASONS = { unresponsive: 'PatientUnresponsive', 'life-threatening': 'LifeThreatening',
  'urgent-care': 'UrgentCareNoGrant' };
const DAY_MS = 86_400_000;

/** Splits argv into positional arguments and --options. */
export function parseArgs(argv) {
  const positional = [];
  const options = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg.startsWith('--')) {
      const name = arg.slice(2);
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) options[name] = true;
      else { options[name] = next; i += 1; }
    } else {
      positional.push(arg);
    }
  }
  return { positional, options };
}

/** Every .json file under the given files and directories, skipping saved proofs. */
export function inputFiles(paths) {
  if (paths.length === 0) throw new InputError('no input files given');
  return paths.flatMap((path) => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      throw new InputError(`${path}: no such file or directory`);
    }
    if (!stat.isDirectory()) return [path];
    return readdirSync(path).filter((f) => f.endsWith('.json') && !f.endsWith('.proofs.json'))
      .sort().map((f) => join(path, f));
  });
}

function required(options, name, what) {
  if (options[name] === undefined || options[name] === true) {
    throw new InputError(`--${name} is required (${what})`);
  }
  return options[name];
}

function number(options, name, what) {
  const value = Number(required(options, name, what));
  if (!Number.isInteger(value) || value < 0) throw new InputError(`--${name} must be a whole number`);
  return value;
}

function purposeOf(options) {
  const purpose = PURPOSES[required(options, 'purpose', Object.keys(PURPOSES).join('|'))];
  if (!purpose) throw new InputError(`--purpose must be one of ${Object.keys(PURPOSES).join(', ')}`);
  return purpose;
}

function scopeOf(options) {
  if (!options.scope || options.scope === 'all') return 'All';
  return { Categories: String(options.scope).split(',') };
}

function targetOf(options) {
  if (options.records) return { Records: String(options.records).split(',') };
  return { Category: required(options, 'category', 'a record category such as Observation') };
}

function daysFromNow(options, fallback) {
  const days = options.days === undefined ? fallback : Number(options.days);
  if (!(days > 0)) throw new InputError('--days must be positive');
  return Math.round(days * DAY_MS);
}

async function printLog(api, patient) {
  const grants = await api.call.consentApi.patientGrants(patient, null, 100);
  console.log(`patient ${patient}: ${grants.length} grants`);
  for (const [id, g] of grants) {
    const state = g.revokedAt.isSome ? 'revoked' : 'active until ' + new Date(g.end.toNumber()).toISOString();
    console.log(`  grant ${id}: ${g.grantee.toString()} for ${g.purpose}, ${g.scope.toString()}, ${state}`);
  }
  const entries = await api.call.consentApi.accessLog(patient, 0, 100);
  console.log(`patient ${patient}: ${entries.length} accesses`);
  for (const [index, e] of entries) {
    console.log(`  #${index} block ${e.block}: ${e.accessor} (institution ${e.institution}) read ` +
      `${e.target.toString()} for ${e.purpose} under ${e.authority.toString()}`);
  }
}

/** Runs one subcommand; exported for the end-to-end test. */
export async function run(argv, { log = console.log } = {}) {
  const [command, ...rest] = argv;
  const { positional, options } = parseArgs(rest);
  if (!command || command === 'help' || options.help) {
    log(USAGE);
    return 0;
  }
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519' });
  // --as-patient FILE signs with the development stand-in key of that bundle's patient.
  const signer = async () => {
    if (!options['as-patient']) return keyring.addFromUri(required(options, 'as', 'the signing key, such as //Dave'));
    if (!(await isDevelopmentChain(api))) {
      throw new InputError('--as-patient works on development chains only; patients sign with their own keys');
    }
    const bundle = readBundle(options['as-patient']);
    const secret = options.secret ?? process.env.CHRONICLE_CONSORTIUM_SECRET;
    return devPatientKey(keyring, identityCommitment(secret, bundle.identifier.system, bundle.identifier.value));
  };
  const api = await connect(options.url ?? 'ws://127.0.0.1:9944', { timeoutMs: 10_000 });
  try {
    switch (command) {
      case 'ingest': {
        const files = inputFiles(positional);
        const secret = options.secret ?? process.env.CHRONICLE_CONSORTIUM_SECRET;
        let lastShown = 0;
        const progress = (done, total) => {
          if (done === total || Date.now() - lastShown > 2000) {
            lastShown = Date.now();
            log(`  anchored ${done}/${total}`);
          }
        };
        const patientKeys = options['patient-keys']
          ? JSON.parse(readFileSync(options['patient-keys'], 'utf8')) : undefined;
        const summary = await ingest(api, await signer(), files, { batch: Boolean(options.batch),
          batchSize: Number(options['batch-size'] ?? 4096), secret, keyring, log, progress, patientKeys });
        const anchored = summary.recordsAnchored + summary.batchedRecords;
        log(`summary: ${summary.files} files, ${summary.patientsRegistered} patients registered ` +
          `(${summary.patientsExisting} already known), ${summary.enrolments} enrolments, ` +
          `${summary.recordsAnchored} records anchored singly, ${summary.batchedRecords} in ` +
          `${summary.batches} batches, ${summary.recordsAlreadyAnchored} already anchored, ` +
          `${summary.failures.length} failed; ${summary.seconds.toFixed(1)} s, ` +
          `${(anchored / summary.seconds).toFixed(1)} records/s`);
        if (anchored === 0 && summary.failures.length === 0) log('nothing new to anchor');
        for (const failure of summary.failures) log(`FAILED ${failure}`);
        return summary.failures.length === 0 ? 0 : 1;
      }
      case 'verify': {
        const results = await verify(api, inputFiles(positional));
        for (const r of results) log(`${r.status.padEnd(10)} ${r.file} ${r.key}: ${r.detail}`);
        const count = (s) => results.filter((r) => r.status === s).length;
        log(`verify: ${count('anchored')} anchored, ${count('superseded')} superseded, ` +
          `${count('unknown')} unknown`);
        return count('unknown') === 0 ? 0 : 2;
      }
      case 'grant': {
        const grantee = options.staff ? { Staff: options.staff }
          : { Institution: number(options, 'institution', 'the institution to grant') };
        const end = Date.now() + daysFromNow(options, 30);
        const { events } = await submit(api, api.tx.consent.grant(number(options, 'patient', 'patient id'),
          grantee, purposeOf(options), scopeOf(options), null, end), await signer());
        log(`grant ${findEvent(events, 'consent', 'GrantCreated').data.grant} created`);
        return 0;
      }
      case 'revoke':
        await submit(api, api.tx.consent.revoke(number(options, 'grant', 'grant id')), await signer());
        log(`grant ${options.grant} revoked`);
        return 0;
      case 'refer': {
        const { events } = await submit(api, api.tx.consent.requestReferral(
          number(options, 'patient', 'patient id'), number(options, 'to', 'receiving institution'),
          scopeOf(options), daysFromNow(options, 30)), await signer());
        log(`referral ${findEvent(events, 'consent', 'ReferralRequested').data.referral} requested`);
        return 0;
      }
      case 'approve': {
        const { events } = await submit(api, api.tx.consent.approveReferral(
          number(options, 'referral', 'referral id')), await signer());
        log(`referral approved: grant ${findEvent(events, 'consent', 'ReferralApproved').data.grant}`);
        return 0;
      }
      case 'decline':
        await submit(api, api.tx.consent.declineReferral(number(options, 'referral', 'referral id')), await signer());
        log(`referral ${options.referral} declined`);
        return 0;
      case 'access': {
        const { events } = await submit(api, api.tx.consent.logAccess(number(options, 'patient', 'patient id'),
          purposeOf(options), targetOf(options)), await signer());
        const logged = findEvent(events, 'consent', 'AccessLogged').data;
        log(`access logged as entry ${logged.index} under grant ${logged.grant}`);
        return 0;
      }
      case 'emergency': {
        const reason = REASONS[required(options, 'reason', Object.keys(REASONS).join('|'))];
        if (!reason) throw new InputError(`--reason must be one of ${Object.keys(REASONS).join(', ')}`);
        const { events } = await submit(api, api.tx.consent.emergencyAccess(
          number(options, 'patient', 'patient id'), reason, targetOf(options)), await signer());
        log(`emergency access logged as entry ${findEvent(events, 'consent', 'EmergencyAccessed').data.index}; ` +
          'the bureau will review it');
        return 0;
      }
      case 'log':
        await printLog(api, number(options, 'patient', 'patient id'));
        return 0;
      default:
        throw new InputError(`unknown command ${command}\n${USAGE}`);
    }
  } finally {
    await api.disconnect();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  run(process.argv.slice(2)).then((code) => process.exit(code), (error) => {
    if (error instanceof InputError || error instanceof ChainError) {
      console.error(`chronicle: ${error.message}`);
    } else {
      console.error(`chronicle: ${error.stack || error.message}`);
    }
    process.exit(1);
  });
}
