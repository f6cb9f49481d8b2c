// Before the upgrade: a doctor of institution 0 registers a patient and anchors a record of
// theirs, and the patient grants institution 1 access; all of it must still read the same
// after the runtime changes. Remembers the patient, the record, the grant and the runtime.
//
// Returns 1 once all three are finalized.

import { Keyring } from '@polkadot/keyring';
import { randomAsHex } from '@polkadot/util-crypto';
import { accounts, findEvent, remember, submit, withApi } from '../../scripts/zombienet-lib.mjs';

export async function run(nodeName, networkInfo) {
  const { dave } = await accounts();
  const patientKey = new Keyring({ type: 'sr25519' }).addFromUri(randomAsHex(32));
  const commitment = randomAsHex(32);
  const record = randomAsHex(32);
  return withApi(networkInfo, nodeName, async (api) => {
    const registered = await submit(api, api.tx.patients.registerPatient(patientKey.address,
      commitment), dave);
    const patient = findEvent(registered.events, 'patients', 'PatientRegistered').data.patient
      .toNumber();
    await submit(api, api.tx.records.anchorRecord(patient, record, 'Observation', null), dave);
    const granted = await submit(api, api.tx.consent.grant(patient, { Institution: 1 }, 'Treatment',
      'All', null, Date.now() + 86_400_000), patientKey);
    const grant = findEvent(granted.events, 'consent', 'GrantCreated').data.grant.toNumber();
    const specVersion = api.runtimeVersion.specVersion.toNumber();
    remember(networkInfo, 'care', { patient, commitment, record, grant, specVersion });
    console.log(`${nodeName}: patient ${patient}, record ${record}, grant ${grant} on spec ${specVersion}`);
    return 1;
  });
}
