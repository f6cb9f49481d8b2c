// The main job end to end, on a fresh development node: a consortium ingests the FHIR fixtures
// through the `chronicle` client, shares records by consent, and proves them intact. Every
// outcome is checked, so this is also the end-to-end test (scripts/test.sh runs it).
//
// Usage: node scripts/demo.mjs [--keep]   (--keep leaves the working copy of the fixtures)

import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from './chronicle.mjs';
import { nodeBinary, startNode } from './lib/node.mjs';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'fhir');
const DEV_SECRET = 'chronicle development secret, not for production use!';

const results = [];
let url;

/** Runs the client with `args`, returning { code, output } instead of printing. */
async function chronicle(...args) {
  const lines = [];
  let code;
  try {
    code = await run([...args, '--url', url], { log: (line) => lines.push(line) });
  } catch (error) {
    lines.push(`chronicle: ${error.message}`);
    code = 1;
  }
  return { code, output: lines.join('\n') };
}

/** Prints a step's client output and checks its outcome. */
async function step(title, args, check) {
  console.log(`\n== ${title}\n$ chronicle ${args.join(' ')}`);
  const { code, output } = await chronicle(...args);
  const shown = output.split('\n');
  console.log(shown.length > 14 ? [...shown.slice(0, 6), `  ... (${shown.length - 12} lines)`, ...shown.slice(-6)].join('\n') : output);
  const problem = check({ code, output });
  results.push({ title, ok: !problem });
  console.log(problem ? `FAIL ${title}: ${problem}` : `ok   ${title}`);
  return output;
}

const summaryOf = (output) => {
  const m = output.match(/summary: (\d+) files, (\d+) patients registered \((\d+) already known\), (\d+) enrolments, (\d+) records anchored singly, (\d+) in (\d+) batches, (\d+) already anchored, (\d+) failed; ([\d.]+) s, ([\d.]+) records\/s/);
  if (!m) return null;
  const [files, registered, known, enrolments, single, batched, batches, already, failed, seconds, rate] = m.slice(1).map(Number);
  return { files, registered, known, enrolments, single, batched, batches, already, failed, seconds, rate };
};

const verifyCounts = (output) => {
  const m = output.match(/verify: (\d+) anchored, (\d+) superseded, (\d+) unknown/);
  return m ? { anchored: Number(m[1]), superseded: Number(m[2]), unknown: Number(m[3]) } : null;
};

async function main() {
  const keep = process.argv.includes('--keep');
  const work = mkdtempSync(join(tmpdir(), 'chronicle-demo-'));
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).sort();
  for (const f of files) copyFileSync(join(FIXTURES, f), join(work, f));
  const first = files.slice(0, 20).map((f) => join(work, f));
  const second = files.slice(20).map((f) => join(work, f));
  process.env.CHRONICLE_CONSORTIUM_SECRET = DEV_SECRET;

  console.log(`starting ${nodeBinary()} --dev on 127.0.0.1 (temporary database)`);
  const node = await startNode({ chain: 'dev', extraArgs: ['--alice', '--validator'], name: 'demo' });
  url = node.rpcUrl;
  const totals = {};
  try {
    // County People's Hospital (doctor Dave) ingests the first 20 bundles one record at a time.
    const single = await step('ingest 20 bundles, one record at a time', ['ingest', ...first, '--as', '//Dave'],
      ({ code, output }) => {
        const s = summaryOf(output);
        if (code !== 0 || !s) return `exit ${code}`;
        if (s.failed !== 0 || s.single === 0) return `unexpected summary ${JSON.stringify(s)}`;
        totals.single = s;
        return null;
      });

    // ... and the other 20 as one Merkle batch, saving each record's proof next to its file.
    await step('ingest 20 more bundles as a Merkle batch', ['ingest', ...second, '--batch', '--as', '//Dave'],
      ({ code, output }) => {
        const s = summaryOf(output);
        if (code !== 0 || !s) return `exit ${code}`;
        if (s.batches !== 1 || s.batched === 0 || s.failed !== 0) return `unexpected summary ${JSON.stringify(s)}`;
        if (s.registered + totals.single.registered !== 24) {
          return `expected 24 distinct patients in the 40 bundles, registered ${s.registered + totals.single.registered}`;
        }
        totals.batch = s;
        return null;
      });

    await step('ingesting the same input again anchors nothing new', ['ingest', work, '--as', '//Dave'],
      ({ code, output }) => {
        const s = summaryOf(output);
        if (code !== 0 || !s) return `exit ${code}`;
        if (s.registered !== 0 || s.single !== 0 || s.known !== 24) return `unexpected summary ${JSON.stringify(s)}`;
        return /nothing new to anchor/.test(output) ? null : 'it did not say "nothing new to anchor"';
      });

    // County TCM Hospital (doctor Ferdie) sees a patient the People's Hospital registered.
    await step('a second hospital finds an existing patient instead of opening a file',
      ['ingest', first[0], '--as', '//Ferdie'], ({ code, output }) => {
        const s = summaryOf(output);
        if (code !== 0 || !s) return `exit ${code}`;
        if (s.registered !== 0 || s.known !== 1) return `unexpected summary ${JSON.stringify(s)}`;
        return /already registered as patient 0/.test(output) ? null : 'no "already registered as patient 0"';
      });

    await step('a file that is not a FHIR bundle is refused', ['ingest', join(FIXTURES, 'README.md'), '--as', '//Dave'],
      ({ code, output }) => (code !== 0 && /not JSON|not a FHIR bundle/.test(output) ? null : `exit ${code}: ${output}`));

    const hypertension = join(work, 'hypertension-11-0000.json');
    // The referral: the hospital refers patient 0 to Riverside Community Health Centre.
    await step('the hospital requests a referral to the health centre',
      ['refer', '--as', '//Dave', '--patient', '0', '--to', '2', '--scope', 'Observation,Condition', '--days', '30'],
      ({ code, output }) => (code === 0 && /referral 0 requested/.test(output) ? null : output));
    await step('the patient approves it from their phone', ['approve', '--as-patient', hypertension, '--referral', '0'],
      ({ code, output }) => (code === 0 && /grant 0/.test(output) ? null : output));
    await step('a nurse of the health centre reads observations under the grant',
      ['access', '--as', '//Two', '--patient', '0', '--purpose', 'referral', '--category', 'Observation'],
      ({ code, output }) => (code === 0 && /under grant 0/.test(output) ? null : output));
    await step('research under a referral grant is refused',
      ['access', '--as', '//Two', '--patient', '0', '--purpose', 'research', '--category', 'Observation'],
      ({ code, output }) => (code !== 0 && /consent\.NoValidGrant/.test(output) ? null : output));
    await step('the patient revokes the grant', ['revoke', '--as-patient', hypertension, '--grant', '0'],
      ({ code, output }) => (code === 0 && /revoked/.test(output) ? null : output));
    await step('the same read after revocation is refused',
      ['access', '--as', '//Two', '--patient', '0', '--purpose', 'referral', '--category', 'Observation'],
      ({ code, output }) => (code !== 0 && /consent\.NoValidGrant/.test(output) ? null : output));
    await step('a doctor breaks the glass in an emergency',
      ['emergency', '--as', '//Dave', '--patient', '0', '--reason', 'unresponsive', '--category', 'Condition'],
      ({ code, output }) => (code === 0 && /bureau will review/.test(output) ? null : output));
    await step('the patient sees every access, the emergency one flagged', ['log', '--patient', '0'],
      ({ code, output }) => (code === 0 && /2 accesses/.test(output) && /"grant":0/.test(output) &&
        /emergency/.test(output) && /revoked/.test(output) ? null : output));

    await step('every file verifies against the chain', ['verify', work], ({ code, output }) => {
      const v = verifyCounts(output);
      if (!v || code !== 0) return `exit ${code}`;
      return v.unknown === 0 && v.anchored > 0 ? null : `unexpected counts ${JSON.stringify(v)}`;
    });

    // One changed value in one observation of a batched bundle.
    const tampered = join(work, files[files.length - 1]);
    const bundle = JSON.parse(readFileSync(tampered, 'utf8'));
    const observation = bundle.entry.find((e) => e.resource.valueQuantity).resource;
    observation.valueQuantity.value += 1;
    writeFileSync(tampered, JSON.stringify(bundle, null, 1));
    await step('a tampered file is detected', ['verify', tampered], ({ code, output }) => {
      const v = verifyCounts(output);
      if (!v) return output;
      return code === 2 && v.unknown === 1 && /altered/.test(output) ? null : `exit ${code}, ${JSON.stringify(v)}`;
    });
  } finally {
    const { code } = await node.stop().catch((e) => ({ code: e.message }));
    if (code !== 0) results.push({ title: 'the node stops cleanly', ok: false });
    if (!keep) rmSync(work, { recursive: true, force: true });
    else console.log(`\nworking copy kept in ${work}`);
  }

  const failed = results.filter((r) => !r.ok).length;
  const s = totals.single;
  const b = totals.batch;
  console.log('\n== summary');
  if (s && b) {
    const patients = s.registered + b.registered;
    console.log(`patients: ${patients} registered from ${s.files + b.files} bundles ` +
      `(the other ${s.files + b.files - patients} bundles are further visits of the same people)`);
    console.log(`records: ${s.single} anchored one by one in ${s.seconds.toFixed(1)} s ` +
      `(${s.rate.toFixed(1)} records/s), ${b.batched} in ${b.batches} batch in ${b.seconds.toFixed(1)} s ` +
      `(${b.rate.toFixed(1)} records/s), end to end including registration and enrolment`);
  }
  console.log(`demo: ${results.length - failed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(`demo aborted: ${error.stack || error.message}`);
  process.exit(1);
});
