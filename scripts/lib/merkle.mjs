// The batch Merkle tree, exactly as the chain builds it (pallets/records/src/merkle.rs):
// leaves are content hashes used as they are, an inner node is SHA-256(left || right), and a
// level with an odd number of nodes promotes its last node unchanged.

import { createHash } from 'node:crypto';

const sha256 = (a, b) => createHash('sha256').update(a).update(b).digest();

/** All levels of the tree over `leaves` (Buffers of 32 bytes), from the leaves up. */
function levels(leaves) {
  if (leaves.length === 0) throw new Error('a batch needs at least one leaf');
  const all = [leaves];
  while (all[all.length - 1].length > 1) {
    const row = all[all.length - 1];
    const next = [];
    for (let i = 0; i < row.length; i += 2) next.push(i + 1 < row.length ? sha256(row[i], row[i + 1]) : row[i]);
    all.push(next);
  }
  return all;
}

const toBuffer = (hex) => Buffer.from(hex.replace(/^0x/, ''), 'hex');
const toHex = (buffer) => `0x${buffer.toString('hex')}`;

/**
 * The root and the proofs of the leaves at `indexes` (by default every leaf), for leaves given
 * as 0x-hex content hashes; `proofs[i]` is undefined for a leaf not asked for.
 */
export function buildTree(hexLeaves, indexes = hexLeaves.keys()) {
  const tree = levels(hexLeaves.map(toBuffer));
  const proofs = new Array(hexLeaves.length);
  for (const index of indexes) {
    const proof = [];
    let position = index;
    for (const row of tree.slice(0, -1)) {
      const sibling = position % 2 === 1 ? position - 1 : position + 1;
      if (sibling < row.length) proof.push(toHex(row[sibling]));
      position = Math.floor(position / 2);
    }
    proofs[index] = proof;
  }
  return { root: toHex(tree[tree.length - 1][0]), proofs };
}
