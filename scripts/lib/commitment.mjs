// The identity commitment: how every institution turns a patient's identifier into the same
// 32 bytes, without the identifier ever leaving the institution.
//
//   commitment = HMAC-SHA256(key = consortium secret,
//                            message = "chronicle/identity/v1" 0x00 system 0x00 value)
//
// `system` is the identifier's FHIR system URI, trimmed. `value` is trimmed, stripped of
// spaces and hyphens, and upper-cased, so "110105 19491231 002x" and "11010519491231002X"
// agree. For the national resident ID (GB 11643: 17 digits and a check character) the check
// character is verified first, so that a typing error is refused instead of silently
// opening a second file for the same person.

import { createHmac } from 'node:crypto';

/** Identifier system of the PRC resident identity card number. */
export const RESIDENT_ID_SYSTEM = 'urn:oid:2.16.156.10011.1.3';

const DOMAIN = 'chronicle/identity/v1';

/** The consortium secret from hex or text, refusing one shorter than 32 bytes. */
export function parseSecret(text) {
  if (typeof text !== 'string' || text.length === 0) {
    throw new Error('the consortium secret is missing (set CHRONICLE_CONSORTIUM_SECRET)');
  }
  const bytes = /^(0x)?[0-9a-fA-F]+$/.test(text) && text.replace(/^0x/, '').length % 2 === 0
    ? Buffer.from(text.replace(/^0x/, ''), 'hex')
    : Buffer.from(text, 'utf8');
  if (bytes.length < 32) {
    throw new Error(`the consortium secret must be at least 32 bytes, got ${bytes.length}`);
  }
  return bytes;
}

/** The identifier value as every institution writes it. */
export function normalizeValue(value) {
  return String(value).trim().replace(/[\s-]+/g, '').toUpperCase();
}

/** Whether an 18-character resident ID has the right check character (ISO 7064 MOD 11-2). */
export function residentIdChecksumValid(id) {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  return '10X98765432'[sum % 11] === id[17];
}

/** The 32-byte commitment of the identifier (`system`, `value`) under `secret`. */
export function identityCommitment(secret, system, value) {
  const key = Buffer.isBuffer(secret) ? secret : parseSecret(secret);
  const cleanSystem = String(system ?? '').trim();
  const cleanValue = normalizeValue(value ?? '');
  if (cleanSystem === '') throw new Error('the identifier has no system');
  if (cleanValue === '') throw new Error('the identifier has no value');
  if (cleanSystem === RESIDENT_ID_SYSTEM && !residentIdChecksumValid(cleanValue)) {
    throw new Error('the resident ID number fails its check character; check it for typos');
  }
  const message = Buffer.concat([
    Buffer.from(DOMAIN, 'utf8'), Buffer.from([0]),
    Buffer.from(cleanSystem, 'utf8'), Buffer.from([0]),
    Buffer.from(cleanValue, 'utf8'),
  ]);
  return createHmac('sha256', key).update(message).digest();
}
