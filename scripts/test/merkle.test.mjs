// The client's batch tree must be the chain's (pallets/records/src/merkle.rs states it; the
// end-to-end demo verifies client proofs through the runtime API).

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { buildTree } from '../lib/merkle.mjs';

const leaf = (i) => `0x${createHash('sha256').update(String(i)).digest('hex')}`;
const node = (a, b) => `0x${createHash('sha256').update(Buffer.from(a.slice(2), 'hex'))
  .update(Buffer.from(b.slice(2), 'hex')).digest('hex')}`;

test('one leaf is its own root; two are hashed together', () => {
  assert.equal(buildTree([leaf(0)]).root, leaf(0));
  assert.deepEqual(buildTree([leaf(0)]).proofs, [[]]);
  assert.equal(buildTree([leaf(0), leaf(1)]).root, node(leaf(0), leaf(1)));
});

test('an odd last node is promoted, and its proof skips that level', () => {
  const { root, proofs } = buildTree([leaf(0), leaf(1), leaf(2)]);
  assert.equal(root, node(node(leaf(0), leaf(1)), leaf(2)));
  assert.deepEqual(proofs[2], [node(leaf(0), leaf(1))]);
  assert.deepEqual(proofs[0], [leaf(1), leaf(2)]);
});

test('an empty batch is refused', () => {
  assert.throws(() => buildTree([]), /at least one leaf/);
});
