// Reading FHIR R4 bundles: the patient's identifier, the programmes their conditions
// indicate, and each clinical resource with its content hash (SHA-256 of RFC 8785 JSON).

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** FHIR resource types anchored as records, and the chain's category for each. */
export const CATEGORIES = {
  Observation: 'Observation',
  Condition: 'Condition',
  MedicationRequest: 'MedicationRequest',
  MedicationStatement: 'MedicationStatement',
  Encounter: 'Encounter',
  DiagnosticReport: 'DiagnosticReport',
  CarePlan: 'CarePlan',
  AllergyIntolerance: 'AllergyIntolerance',
  Procedure: 'Procedure',
  Immunization: 'Immunization',
  DocumentReference: 'DocumentReference',
};

/** Resource types that describe people, not care; they are never anchored. */
const NOT_CLINICAL = new Set(['Patient', 'Practitioner', 'PractitionerRole', 'Organization',
  'RelatedPerson', 'Location']);

/** ICD-10 prefixes of the chronic-disease programmes. */
const PROGRAMMES = [
  [/^I1[0-5]/, 'Hypertension'],
  [/^E11/, 'Type2Diabetes'],
  [/^N18/, 'ChronicKidneyDisease'],
  [/^I25/, 'CoronaryHeartDisease'],
  [/^I50/, 'HeartFailure'],
  [/^J44/, 'Copd'],
  [/^I6[349]/, 'Stroke'],
];

/** A bad input file, with a message that says what is wrong with it. */
export class InputError extends Error {}

/** RFC 8785 canonical JSON: sorted keys, no whitespace, ECMAScript number and string forms. */
export function canonicalize(value) {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new InputError('JSON has a number that is not finite');
    }
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalize).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalize(value[k])}`).join(',')}}`;
}

/** SHA-256 of the resource's canonical JSON, as a 0x-prefixed hex string. */
export function contentHash(resource) {
  return `0x${createHash('sha256').update(canonicalize(resource), 'utf8').digest('hex')}`;
}

/** The programmes a patient's active conditions indicate. */
export function programmesOf(conditions) {
  const found = new Set();
  for (const condition of conditions) {
    const status = condition.clinicalStatus?.coding?.[0]?.code;
    if (status && status !== 'active') continue;
    for (const coding of condition.code?.coding ?? []) {
      if (!/icd-10/i.test(coding.system ?? '')) continue;
      for (const [pattern, programme] of PROGRAMMES) {
        if (pattern.test(coding.code ?? '')) found.add(programme);
      }
    }
  }
  return [...found];
}

/** A stable name for a resource within its bundle: `Type/id`, its fullUrl, or its hash. */
function resourceKey(entry, hash) {
  const { resource } = entry;
  if (resource.id) return `${resource.resourceType}/${resource.id}`;
  return entry.fullUrl ?? `${resource.resourceType}/${hash}`;
}

/**
 * Reads a FHIR bundle file: { file, identifier: {system, value}, programmes, records, skipped },
 * where each record is { key, resourceType, category, contentHash, resource }.
 */
export function readBundle(file) {
  let bundle;
  try {
    bundle = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new InputError(`${file}: not JSON (${error.message})`);
  }
  if (bundle?.resourceType !== 'Bundle' || !Array.isArray(bundle.entry)) {
    throw new InputError(`${file}: not a FHIR bundle (resourceType ${bundle?.resourceType ?? 'missing'})`);
  }
  const resources = bundle.entry.filter((e) => e?.resource?.resourceType);
  const patients = resources.filter((e) => e.resource.resourceType === 'Patient');
  if (patients.length !== 1) {
    throw new InputError(`${file}: expected one Patient resource, found ${patients.length}`);
  }
  const identifier = patients[0].resource.identifier?.find((i) => i.system && i.value);
  if (!identifier) throw new InputError(`${file}: the Patient has no identifier with a system and value`);

  const records = [];
  const skipped = [];
  for (const entry of resources) {
    const type = entry.resource.resourceType;
    if (NOT_CLINICAL.has(type)) continue;
    if (!CATEGORIES[type]) {
      skipped.push(type);
      continue;
    }
    const hash = contentHash(entry.resource);
    records.push({
      key: resourceKey(entry, hash),
      resourceType: type,
      category: CATEGORIES[type],
      contentHash: hash,
      resource: entry.resource,
    });
  }
  const conditions = resources.filter((e) => e.resource.resourceType === 'Condition').map((e) => e.resource);
  return {
    file,
    identifier: { system: identifier.system, value: identifier.value },
    programmes: programmesOf(conditions),
    records,
    skipped,
  };
}
