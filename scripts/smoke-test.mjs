// End-to-end smoke test: starts the built node on loopback with a temporary database, then
// checks through polkadot.js (no custom types) that the chain produces and finalizes blocks,
// that members can transact and strangers cannot, and that the node stops cleanly.
//
// Usage: node scripts/smoke-test.mjs   (CHRONICLE_NODE overrides the node binary)

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { readFileSync } from 'node:fs';
import { bureauMotion, connect, findEvent, submit, waitForFinalized } from './lib/chain.mjs';
import { identityCommitment } from './lib/commitment.mjs';
import { nodeBinary, startNode } from './lib/node.mjs';

const results = [];

async function check(name, body) {
  const started = Date.now();
  try {
    await body();
    results.push({ name, ok: true });
    console.log(`ok   ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`FAIL ${name}: ${error.message}`);
    throw error;
  }
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

async function main() {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519' });
  const alice = keyring.addFromUri('//Alice');
  const bob = keyring.addFromUri('//Bob');
  const stranger = keyring.addFromUri('//Stranger');
  const admin = keyring.addFromUri('//SmokeTestAdmin');
  const doctor = keyring.addFromUri('//SmokeTestDoctor');

  console.log(`starting ${nodeBinary()} --dev on 127.0.0.1`);
  const node = await startNode({ chain: 'dev', extraArgs: ['--alice', '--validator'], name: 'smoke' });
  let api;
  try {
    await check('the node answers RPC on loopback', async () => {
      api = await connect(node.rpcUrl, { isRunning: node.isRunning });
      const chain = (await api.rpc.system.chain()).toString();
      expect(chain === 'Chronicle Development', `unexpected chain name ${chain}`);
    });

    await check('blocks are authored and finalized', async () => {
      const finalized = await waitForFinalized(api, 3, 90_000);
      expect(finalized >= 3, `finalized only ${finalized}`);
    });

    await check('the metadata needs no custom types and has no token', async () => {
      const pallets = api.runtimeMetadata.asLatest.pallets.map((p) => p.name.toString());
      for (const wanted of ['System', 'Institutions', 'Session', 'Aura', 'Grandpa', 'Bureau',
        'BureauMembership', 'NodeAuthorization', 'Utility', 'Sudo']) {
        expect(pallets.includes(wanted), `pallet ${wanted} missing from ${pallets.join(', ')}`);
      }
      for (const absent of ['Balances', 'TransactionPayment']) {
        expect(!pallets.includes(absent), `pallet ${absent} must not exist`);
      }
      const extensions = api.registry.signedExtensions;
      expect(extensions[0] === 'CheckMembership', `extensions: ${extensions.join(', ')}`);
    });

    await check('a member\'s signed transaction is finalized', async () => {
      const { events } = await submit(api, api.tx.system.remarkWithEvent('chronicle smoke'), alice);
      expect(findEvent(events, 'system', 'ExtrinsicSuccess'), 'no ExtrinsicSuccess event');
      expect(findEvent(events, 'system', 'Remarked'), 'no Remarked event');
    });

    await check('a stranger\'s transaction is rejected by the pool', async () => {
      let error;
      try {
        await submit(api, api.tx.system.remark('spam'), stranger, { timeoutMs: 20_000 });
      } catch (e) {
        error = e;
      }
      expect(error, 'the stranger\'s transaction was accepted');
      expect(/Invalid signing address/.test(error.message),
        `expected "Invalid signing address", got "${error.message}"`);
    });

    await check('a bureau motion admits an institution whose doctor may then transact', async () => {
      const admit = api.tx.institutions.admitInstitution('HealthStation', 'Willow Village Station',
        admin.address);
      const quick = { finalized: false };
      const motionEvents = await bureauMotion(api, admit, { alice, bob });
      const admitted = findEvent(motionEvents, 'institutions', 'InstitutionAdmitted');
      expect(admitted, 'no InstitutionAdmitted event');
      expect(admitted.data.admin.toString() === admin.address, 'admitted the wrong admin');

      await submit(api, api.tx.institutions.addStaff(doctor.address, 'Doctor'), admin, quick);
      const { events } = await submit(api, api.tx.system.remarkWithEvent('first note'), doctor);
      expect(findEvent(events, 'system', 'ExtrinsicSuccess'), 'the doctor\'s remark failed');
    });

    await check('a patient registered at two hospitals gets one entry', async () => {
      const dave = keyring.addFromUri('//Dave'); // doctor, County People's Hospital
      const ferdie = keyring.addFromUri('//Ferdie'); // doctor, County TCM Hospital
      const patient = keyring.addFromUri('//SmokeTestPatient');
      const commitment = identityCommitment('chronicle development secret, not for production use!',
        'urn:oid:2.16.156.10011.1.3', '11010519491231002X');
      const { events } = await submit(api,
        api.tx.patients.registerPatient(patient.address, commitment), dave, { finalized: false });
      const registered = findEvent(events, 'patients', 'PatientRegistered');
      expect(registered, 'no PatientRegistered event');
      const id = registered.data.patient.toNumber();

      let error;
      try {
        await submit(api, api.tx.patients.registerPatient(keyring.addFromUri('//Other').address,
          commitment), ferdie, { finalized: false });
      } catch (e) {
        error = e;
      }
      expect(error?.chainError === 'patients.AlreadyRegistered',
        `expected patients.AlreadyRegistered, got ${error?.message}`);

      const found = await api.call.patientsApi.patientByCommitment(commitment);
      expect(found.isSome && found.unwrap().id.toNumber() === id,
        `the runtime API did not find patient ${id}: ${found.toString()}`);
    });

    await check('Prometheus metrics are served on loopback', async () => {
      const text = await (await fetch(node.metricsUrl)).text();
      expect(/substrate_block_height\{status="finalized"/.test(text), 'no finalized height metric');
    });
  } catch (error) {
    console.log(`--- last lines of the node log (${node.logPath}) ---`);
    console.log(readFileSync(node.logPath, 'utf8').split('\n').slice(-40).join('\n'));
  } finally {
    await api?.disconnect().catch(() => {});
    try {
      await check('the node stops cleanly on SIGINT', async () => {
        const { code, signal } = await node.stop();
        expect(code === 0, `exit code ${code}, signal ${signal}`);
      });
    } catch (_) {
      // Reported by check().
    }
  }

  const failed = results.filter((r) => !r.ok).length;
  console.log(`smoke: ${results.length - failed} passed, ${failed} failed`);
  process.exit(failed === 0 && results.length === 9 ? 0 : 1);
}

main().catch((error) => {
  console.error(`smoke test aborted: ${error.stack || error.message}`);
  process.exit(1);
});
