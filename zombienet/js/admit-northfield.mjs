// One bureau motion admits Northfield Village Health Station, authorises its node's peer id
// and makes its validator account a validator, as the operator's guide has a consortium do.
//
// Returns the new institution's id.

import {
  accounts, bureauMotion, findEvent, NORTHFIELD, peerIdBytes, withApi,
} from '../../scripts/zombienet-lib.mjs';

export async function run(nodeName, networkInfo) {
  const signers = await accounts();
  const { northfieldAdmin, northfieldValidator } = signers;
  return withApi(networkInfo, nodeName, async (api) => {
    const institution = (await api.query.institutions.nextInstitutionId()).toNumber();
    const call = api.tx.utility.batchAll([
      api.tx.institutions.admitInstitution(NORTHFIELD.kind, NORTHFIELD.name,
        northfieldAdmin.address),
      api.tx.nodeAuthorization.addWellKnownNode(peerIdBytes(NORTHFIELD.peerId),
        northfieldAdmin.address),
      api.tx.institutions.addValidator(institution, northfieldValidator.address),
    ]);
    const events = await bureauMotion(api, call, signers);
    for (const [section, method] of [['institutions', 'InstitutionAdmitted'],
      ['nodeAuthorization', 'NodeAdded'], ['institutions', 'ValidatorAdded']]) {
      if (!findEvent(events, section, method)) throw new Error(`no ${section}.${method} event`);
    }
    console.log(`${nodeName}: institution ${institution} admitted, its node authorised and ` +
      `${northfieldValidator.address} made a validator`);
    return institution;
  });
}
