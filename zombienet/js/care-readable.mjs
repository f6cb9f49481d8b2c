// After the upgrade, every validator's new runtime still reads what the old one wrote: the
// patient (by id and by commitment), the anchored record, and the patient's grant.
//
// Returns the number of validators that read all three.

import { recall, withApi } from '../../scripts/zombienet-lib.mjs';

const VALIDATORS = ['alice', 'bob', 'charlie', 'dave'];

export async function run(_nodeName, networkInfo) {
  const { patient, commitment, record, grant, specVersion } = recall(networkInfo, 'care');
  let readers = 0;
  for (const name of VALIDATORS) {
    await withApi(networkInfo, name, async (api) => {
      const version = (await api.rpc.state.getRuntimeVersion()).specVersion.toNumber();
      if (version <= specVersion) throw new Error(`${name} still runs spec ${version}`);
      const [byId, byCommitment, status, grants] = await Promise.all([
        api.call.patientsApi.patient(patient),
        api.call.patientsApi.patientByCommitment(commitment),
        api.call.recordsApi.recordStatus(record),
        api.call.consentApi.patientGrants(patient, null, 100),
      ]);
      if (byId.isNone || byCommitment.isNone) throw new Error(`${name}: patient ${patient} is gone`);
      if (!status.isAnchored || status.asAnchored.patient.toNumber() !== patient) {
        throw new Error(`${name}: record ${record} reads ${status.type}`);
      }
      if (!grants.some(([id]) => id.toNumber() === grant)) {
        throw new Error(`${name}: grant ${grant} is not among the patient's grants`);
      }
      readers += 1;
    });
  }
  console.log(`${readers} validators read the patient, the record and the grant on the new runtime`);
  return readers;
}
