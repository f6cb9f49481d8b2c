// The identity commitment must come out the same at every institution, and equal to the
// algorithm the README states (the expected values were computed independently with
// Python's hmac module).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  identityCommitment, parseSecret, residentIdChecksumValid, RESIDENT_ID_SYSTEM,
} from '../lib/commitment.mjs';

const SECRET = 'chronicle development secret, not for production use!';

test('a resident ID gives the documented commitment', () => {
  const commitment = identityCommitment(SECRET, RESIDENT_ID_SYSTEM, '11010519491231002X');
  assert.equal(commitment.toString('hex'),
    '1df79f8129049e0279285ae442c29b09594f4998076653330b32be7c80403a3b');
});

test('a fixture identifier gives the documented commitment', () => {
  const commitment = identityCommitment(SECRET, 'urn:uuid:6f2a1d3e-9c47-5b8a-a1f0-2d4e6c8b0a17',
    '17E3B865');
  assert.equal(commitment.toString('hex'),
    '8057b0f74b0554de59a6bae3715305b5f2d9083208c7a36e46bcb10f8d9f05ad');
});

test('two institutions typing the same ID differently get the same commitment', () => {
  const a = identityCommitment(SECRET, RESIDENT_ID_SYSTEM, '11010519491231002X');
  const b = identityCommitment(SECRET, ` ${RESIDENT_ID_SYSTEM} `, '110105 19491231-002x ');
  assert.deepEqual(a, b);
});

test('another secret or another identifier system gives another commitment', () => {
  const base = identityCommitment(SECRET, 'urn:example:mrn', 'A1');
  assert.notDeepEqual(base, identityCommitment(`${SECRET}?`, 'urn:example:mrn', 'A1'));
  assert.notDeepEqual(base, identityCommitment(SECRET, 'urn:example:other', 'A1'));
});

test('a resident ID with a typing error is refused', () => {
  assert.equal(residentIdChecksumValid('11010519491231002X'), true);
  assert.equal(residentIdChecksumValid('11010519491231003X'), false);
  assert.throws(() => identityCommitment(SECRET, RESIDENT_ID_SYSTEM, '11010519491231003X'),
    /fails its check character/);
});

test('a short or missing secret and an empty identifier are refused', () => {
  assert.throws(() => parseSecret('too short'), /at least 32 bytes, got 9/);
  assert.throws(() => parseSecret(undefined), /secret is missing/);
  assert.equal(parseSecret('ab'.repeat(32)).length, 32);
  assert.throws(() => identityCommitment(SECRET, '', 'A1'), /no system/);
  assert.throws(() => identityCommitment(SECRET, 'urn:example:mrn', '  '), /no value/);
});
