// Ingesting FHIR bundles: register each patient (by identity commitment, never PII), enrol
// them in the programmes their conditions indicate, and anchor every clinical resource, one
// by one or as Merkle batches whose proofs are saved next to the input.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { identityCommitment } from './commitment.mjs';
import { InputError, readBundle } from './fhir.mjs';
import { buildTree } from './merkle.mjs';
import { ChainError, findEvent, submit, submitMany } from './chain.mjs';

/** Where the batch proofs of `file` are kept. */
export const proofsPath = (file) => `${file}.proofs.json`;

/**
 * The public key each patient signs with. A patient's key lives on their own phone or card, so
 * an institution supplies it: `patientKeys` maps `system|value` of the identifier to an
 * address. Only on a development chain, with none supplied, a stand-in key is derived from the
 * identity commitment (which needs the consortium secret), so the demo's patients can sign.
 */
export function patientAddress(keyring, bundle, { patientKeys, development }) {
  const supplied = patientKeys?.[`${bundle.identifier.system}|${bundle.identifier.value}`];
  if (supplied) return supplied;
  if (!development) {
    throw new InputError(`${bundle.file}: no key for this patient in --patient-keys ` +
      '(stand-in keys are only derived on development chains)');
  }
  return devPatientKey(keyring, bundle.commitment).address;
}

/** The development stand-in for a patient's own key, derived from their commitment. */
export function devPatientKey(keyring, commitment) {
  return keyring.addFromUri(`//chronicle-dev-patient/${Buffer.from(commitment).toString('hex')}`);
}

/** Whether the node runs a development or local test chain. */
export async function isDevelopmentChain(api) {
  const type = await api.rpc.system.chainType();
  return type.isDevelopment || type.isLocal;
}

/** The content hashes among `records` the chain does not know yet. */
async function unanchored(api, records) {
  const statuses = await Promise.all(records.map((r) => api.call.recordsApi.recordStatus(r.contentHash)));
  return records.filter((_, i) => statuses[i].isUnknown);
}

/**
 * Ingests `files` as `staff`, in three steps, each submitted at once and finalized once:
 * register the patients the chain does not know, enrol them in their programmes, anchor their
 * records (singly, or as batches with `batch`). Options: { batch, batchSize, secret, keyring,
 * log, progress }. Returns the summary counts.
 */
export async function ingest(api, staff, files, options) {
  const { batch = false, batchSize = 4096, secret, keyring, log = console.log, progress } = options;
  const development = await isDevelopmentChain(api);
  const summary = { files: 0, patientsRegistered: 0, patientsExisting: 0, enrolments: 0,
    recordsAnchored: 0, recordsAlreadyAnchored: 0, batches: 0, batchedRecords: 0,
    skippedResources: 0, failures: [] };
  const started = Date.now();

  const bundles = files.map((file) => {
    const bundle = readBundle(file);
    bundle.commitment = identityCommitment(secret, bundle.identifier.system, bundle.identifier.value);
    bundle.account = patientAddress(keyring, bundle, { patientKeys: options.patientKeys, development });
    summary.files += 1;
    summary.skippedResources += bundle.skipped.length;
    return bundle;
  });

  // Step 1: find or register every patient. One person may have several bundles (visits);
  // they share one commitment and so one patient.
  const people = new Map();
  for (const bundle of bundles) {
    const key = bundle.commitment.toString('hex');
    if (!people.has(key)) people.set(key, { commitment: bundle.commitment, account: bundle.account, bundles: [] });
    people.get(key).bundles.push(bundle);
  }
  const persons = [...people.values()];
  const known = await Promise.all(persons.map((p) => api.call.patientsApi.patientByCommitment(p.commitment)));
  const toRegister = [];
  persons.forEach((person, i) => {
    if (known[i].isSome) {
      person.patient = known[i].unwrap().id.toNumber();
      person.enrolled = known[i].unwrap().enrolments.map((e) => e.programme.toString());
      summary.patientsExisting += 1;
    } else {
      toRegister.push(person);
    }
  });
  const registered = await submitMany(api,
    toRegister.map((p) => api.tx.patients.registerPatient(p.account, p.commitment)), staff);
  registered.forEach((result, i) => {
    const person = toRegister[i];
    if (!result.ok) {
      summary.failures.push(`${person.bundles[0].file}: registering the patient failed: ${result.error}`);
      return;
    }
    person.patient = findEvent(result.events, 'patients', 'PatientRegistered').data.patient.toNumber();
    person.enrolled = [];
    person.isNew = true;
    summary.patientsRegistered += 1;
  });
  for (const person of persons) {
    person.bundles.forEach((bundle, n) => {
      bundle.patient = person.patient;
      if (person.patient === undefined) return;
      const how = person.isNew && n === 0 ? 'registered as' : 'already registered as';
      log(`${bundle.file}: ${how} patient ${person.patient}`);
    });
  }
  const ready = bundles.filter((b) => b.patient !== undefined);

  // Step 2: enrol each patient in the programmes their conditions indicate.
  const enrolments = persons.filter((p) => p.patient !== undefined).flatMap((person) => {
    const wanted = new Set(person.bundles.flatMap((b) => b.programmes));
    return [...wanted].filter((programme) => !person.enrolled.includes(programme))
      .map((programme) => ({ person, programme }));
  });
  const enrolled = await submitMany(api,
    enrolments.map(({ person, programme }) => api.tx.patients.enrol(person.patient, programme)), staff);
  enrolled.forEach((result, i) => {
    const { person, programme } = enrolments[i];
    if (result.ok) summary.enrolments += 1;
    else summary.failures.push(`patient ${person.patient}: enrolling in ${programme} failed: ${result.error}`);
  });

  // Step 3: anchor what the chain does not know yet. The same resource may appear in several
  // bundles of one person; it is anchored once.
  const seen = new Set();
  const todo = [];
  for (const bundle of ready) {
    const path = proofsPath(bundle.file);
    const saved = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
    const inSavedBatch = (r) => saved?.records?.[r.key]?.contentHash === r.contentHash;
    const candidates = bundle.records.filter((r) => !inSavedBatch(r));
    const fresh = await unanchored(api, candidates);
    summary.recordsAlreadyAnchored += bundle.records.length - fresh.length;
    for (const record of fresh) todo.push({ bundle, record, duplicate: seen.has(record.contentHash) });
    fresh.forEach((r) => seen.add(r.contentHash));
  }
  summary.recordsAlreadyAnchored += todo.filter((t) => t.duplicate).length;

  if (batch) {
    const groups = [];
    let group = [];
    for (const item of todo) {
      group.push(item);
      if (new Set(group.map((g) => g.record.contentHash)).size >= batchSize) {
        groups.push(group);
        group = [];
      }
    }
    if (group.length > 0) groups.push(group);
    for (const items of groups) await anchorBatch(api, staff, items, summary, log);
  } else {
    const items = todo.filter((t) => !t.duplicate);
    log(`anchoring ${items.length} records one by one`);
    // The locator points into the institution's own FHIR store; one too long is left out.
    const locator = (key) => (Buffer.byteLength(`fhir:${key}`) <= 128 ? `fhir:${key}` : null);
    const results = await submitMany(api, items.map(({ bundle, record }) => api.tx.records.anchorRecord(
      bundle.patient, record.contentHash, record.category, locator(record.key))), staff,
    { onProgress: progress });
    results.forEach((result, i) => {
      if (result.ok) summary.recordsAnchored += 1;
      else summary.failures.push(`${items[i].bundle.file} ${items[i].record.key}: ${result.error}`);
    });
  }

  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}

/**
 * Anchors one batch over `items` ({ bundle, record }; one leaf per distinct content hash) and
 * saves each file's proofs next to it, only once the batch is finalized.
 */
async function anchorBatch(api, staff, items, summary, log) {
  const leaves = [...new Set(items.map((i) => i.record.contentHash))];
  const indexOf = new Map(leaves.map((leaf, index) => [leaf, index]));
  const { root, proofs } = buildTree(leaves);
  try {
    await submit(api, api.tx.records.anchorBatch(root, leaves.length), staff);
  } catch (error) {
    // A batch anchored by an earlier run that stopped before saving its proofs is resumed.
    if (!(error instanceof ChainError && error.chainError === 'records.BatchAlreadyAnchored')) {
      summary.failures.push(`batch ${root} of ${leaves.length} records: ${error.message} ` +
        '(nothing was saved; run the same command again to resume)');
      return;
    }
    log(`batch ${root} was already anchored by an earlier run; saving its proofs`);
  }
  const byFile = new Map();
  for (const { bundle, record } of items) {
    if (!byFile.has(bundle.file)) byFile.set(bundle.file, []);
    byFile.get(bundle.file).push(record);
  }
  for (const [file, records] of byFile) {
    const path = proofsPath(file);
    const saved = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : { records: {} };
    for (const record of records) {
      const index = indexOf.get(record.contentHash);
      saved.records[record.key] = { contentHash: record.contentHash, root, index,
        leafCount: leaves.length, proof: proofs[index] };
    }
    writeFileSync(path, `${JSON.stringify(saved, null, 1)}\n`);
  }
  summary.batches += 1;
  summary.batchedRecords += leaves.length;
  log(`anchored batch ${root} of ${leaves.length} records`);
}

/**
 * Verifies every clinical resource of `files` against the chain: anchored, superseded, in an
 * anchored batch (by its saved proof), or unknown. Returns [{ file, key, status, detail }].
 */
export async function verify(api, files) {
  const results = [];
  for (const file of files) {
    const bundle = readBundle(file);
    const saved = existsSync(proofsPath(file)) ? JSON.parse(readFileSync(proofsPath(file), 'utf8')) : null;
    const statuses = await Promise.all(
      bundle.records.map((record) => api.call.recordsApi.recordStatus(record.contentHash)));
    for (const [i, record] of bundle.records.entries()) {
      const status = statuses[i];
      if (status.isAnchored) {
        const r = status.asAnchored;
        results.push({ file, key: record.key, status: 'anchored',
          detail: `patient ${r.patient}, institution ${r.institution}, block ${r.anchoredAt}` });
        continue;
      }
      if (status.isSuperseded) {
        results.push({ file, key: record.key, status: 'superseded',
          detail: `by ${status.asSuperseded.by.toHex()}, latest ${status.asSuperseded.latest.toHex()}` });
        continue;
      }
      const entry = saved?.records?.[record.key];
      if (entry) {
        const check = await api.call.recordsApi.verifyBatchProof(entry.root, record.contentHash,
          entry.proof, entry.index);
        if (check.isIncluded) {
          const b = check.asIncluded;
          results.push({ file, key: record.key, status: 'anchored',
            detail: `in batch ${entry.root} (institution ${b.institution}, block ${b.anchoredAt})` });
          continue;
        }
        results.push({ file, key: record.key, status: 'unknown',
          detail: entry.contentHash === record.contentHash
            ? `its batch proof does not hold (${check.type})`
            : 'altered since it was anchored in a batch' });
        continue;
      }
      results.push({ file, key: record.key, status: 'unknown', detail: 'never anchored, or altered' });
    }
  }
  return results;
}
