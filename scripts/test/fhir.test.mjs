// Reading bundles, canonical JSON, content hashes and programmes, on the real fixtures.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { canonicalize, contentHash, InputError, programmesOf, readBundle } from '../lib/fhir.mjs';

const FIXTURES = new URL('../../fixtures/fhir/', import.meta.url).pathname;

test('canonical JSON sorts keys, drops whitespace and writes numbers as ECMAScript does', () => {
  assert.equal(canonicalize({ b: [3, { d: 1e21, c: 0.5 }], a: 'é\n', '€': null, '\u0080': true }),
    '{"a":"é\\n","b":[3,{"c":0.5,"d":1e+21}],"\u0080":true,"€":null}');
  assert.equal(canonicalize({ n: 1.0, m: -0 }), '{"m":0,"n":1}');
});

test('the content hash is SHA-256 of the canonical JSON, whatever the key order', () => {
  const a = { resourceType: 'Observation', valueQuantity: { value: 148, unit: 'mmHg' } };
  const b = { valueQuantity: { unit: 'mmHg', value: 148 }, resourceType: 'Observation' };
  const expected = createHash('sha256')
    .update('{"resourceType":"Observation","valueQuantity":{"unit":"mmHg","value":148}}').digest('hex');
  assert.equal(contentHash(a), `0x${expected}`);
  assert.equal(contentHash(b), contentHash(a));
  assert.notEqual(contentHash({ ...a, valueQuantity: { value: 149, unit: 'mmHg' } }), contentHash(a));
});

test('a fixture bundle yields its identifier, programmes and clinical resources', () => {
  const bundle = readBundle(join(FIXTURES, 'hypertension-11-0000.json'));
  assert.deepEqual(bundle.identifier,
    { system: 'urn:uuid:6f2a1d3e-9c47-5b8a-a1f0-2d4e6c8b0a17', value: '17E3B865' });
  assert.ok(bundle.programmes.includes('Hypertension'));
  assert.ok(bundle.records.length > 10);
  assert.ok(bundle.records.every((r) => !['Patient', 'Practitioner'].includes(r.resourceType)));
  assert.ok(bundle.records.every((r) => /^0x[0-9a-f]{64}$/.test(r.contentHash)));
});

test('programmes come from active ICD-10 conditions only', () => {
  const condition = (code, status = 'active') => ({
    clinicalStatus: { coding: [{ code: status }] },
    code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code }] },
  });
  assert.deepEqual(programmesOf([condition('I10'), condition('E11.9'), condition('N18.31'),
    condition('E78.5'), condition('I25.10', 'resolved')]).sort(),
  ['ChronicKidneyDisease', 'Hypertension', 'Type2Diabetes']);
});

test('bad input is refused with a message naming the file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-fhir-'));
  const write = (name, text) => { writeFileSync(join(dir, name), text); return join(dir, name); };
  assert.throws(() => readBundle(write('a.json', '{oops')), (e) => e instanceof InputError && /a\.json: not JSON/.test(e.message));
  assert.throws(() => readBundle(write('b.json', '{"resourceType":"Patient"}')), /b\.json: not a FHIR bundle \(resourceType Patient\)/);
  assert.throws(() => readBundle(write('c.json', '{"resourceType":"Bundle","entry":[]}')), /expected one Patient resource, found 0/);
  assert.throws(() => readBundle(write('d.json', JSON.stringify({ resourceType: 'Bundle',
    entry: [{ resource: { resourceType: 'Patient' } }] }))), /no identifier/);
});
