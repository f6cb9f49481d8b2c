//! The batch Merkle tree, one convention for the chain and every client:
//!
//! - the leaves are the records' content hashes (SHA-256 of canonical JSON), used as they are;
//! - an inner node is `SHA-256(left || right)`;
//! - a level with an odd number of nodes promotes its last node unchanged to the next level;
//! - a tree of one leaf has that leaf as its root.
//!
//! This is `binary-merkle-tree` (from polkadot-sdk) with SHA-256 as its hasher. A proof lists
//! the sibling hashes from the leaf up, skipping levels where the node was promoted.
//! Verification also checks that the proof has exactly as many hashes as the leaf's path
//! needs, so an inner node can never pass for a leaf.

use crate::{BatchRoot, ContentHash};
use alloc::vec::Vec;

/// SHA-256 as a `hash-db` hasher, so `binary-merkle-tree` can use it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sha256;

impl hash_db::Hasher for Sha256 {
	type Out = [u8; 32];
	type StdHasher = hash256_std_hasher::Hash256StdHasher;
	const LENGTH: usize = 32;

	fn hash(data: &[u8]) -> [u8; 32] {
		sp_io::hashing::sha2_256(data)
	}
}

/// The root of the tree over `leaves`, in order.
pub fn root(leaves: &[ContentHash]) -> BatchRoot {
	binary_merkle_tree::merkle_root_raw::<Sha256, _>(leaves.iter().copied())
}

/// The proof that `leaves[index]` is in the tree.
pub fn proof(leaves: &[ContentHash], index: u32) -> Vec<[u8; 32]> {
	binary_merkle_tree::merkle_proof_raw::<Sha256, _>(leaves.iter().copied(), index).proof
}

/// How many sibling hashes the path of leaf `index` in a tree of `leaf_count` leaves has.
pub fn proof_length(index: u32, leaf_count: u32) -> usize {
	let (mut position, mut width, mut length) = (index, leaf_count, 0);
	while width > 1 {
		let has_sibling = position % 2 == 1 || position + 1 < width;
		if has_sibling {
			length += 1;
		}
		position /= 2;
		width = width.div_ceil(2);
	}
	length
}

/// Whether `proof` shows `leaf` at `index` in the tree of `leaf_count` leaves with `root`.
pub fn verify(
	root: &BatchRoot,
	leaf: ContentHash,
	proof: &[[u8; 32]],
	index: u32,
	leaf_count: u32,
) -> bool {
	index < leaf_count
		&& proof.len() == proof_length(index, leaf_count)
		&& binary_merkle_tree::verify_proof::<Sha256, _, _>(
			root,
			proof.iter().copied(),
			leaf_count,
			index,
			binary_merkle_tree::Leaf::Hash(leaf),
		)
}

#[cfg(test)]
mod tests {
	use super::*;

	fn leaves(n: u32) -> Vec<ContentHash> {
		(0..n).map(|i| sp_io::hashing::sha2_256(&i.to_le_bytes())).collect()
	}

	fn node(left: &[u8; 32], right: &[u8; 32]) -> [u8; 32] {
		let mut both = [0u8; 64];
		both[..32].copy_from_slice(left);
		both[32..].copy_from_slice(right);
		sp_io::hashing::sha2_256(&both)
	}

	#[test]
	fn the_tree_follows_the_stated_convention() {
		let l = leaves(3);
		assert_eq!(root(&l[..1]), l[0]);
		assert_eq!(root(&l[..2]), node(&l[0], &l[1]));
		// Three leaves: the third is promoted, then hashed with the first pair's node.
		assert_eq!(root(&l), node(&node(&l[0], &l[1]), &l[2]));
		assert_eq!(proof(&l, 2), vec![node(&l[0], &l[1])]);
	}

	#[test]
	fn every_leaf_of_every_tree_size_verifies_with_a_proof_of_the_expected_length() {
		for n in 1..=70 {
			let l = leaves(n);
			let r = root(&l);
			for i in 0..n {
				let p = proof(&l, i);
				assert_eq!(p.len(), proof_length(i, n), "proof length of leaf {i} of {n}");
				assert!(verify(&r, l[i as usize], &p, i, n), "leaf {i} of {n}");
			}
		}
	}

	#[test]
	fn a_wrong_leaf_index_root_or_count_does_not_verify() {
		let l = leaves(10);
		let r = root(&l);
		let p = proof(&l, 3);
		assert!(verify(&r, l[3], &p, 3, 10));
		assert!(!verify(&r, l[4], &p, 3, 10), "wrong leaf");
		assert!(!verify(&r, l[3], &p, 2, 10), "wrong index");
		assert!(!verify(&root(&l[..9]), l[3], &p, 3, 10), "other root");
		assert!(!verify(&r, l[3], &p, 3, 4), "a leaf count with another path length");
		assert!(!verify(&r, l[3], &p, 10, 10), "index past the end");
		let mut tampered = l[3];
		tampered[31] ^= 1;
		assert!(!verify(&r, tampered, &p, 3, 10), "one changed bit");
	}

	#[test]
	fn an_inner_node_cannot_pass_for_a_leaf() {
		let l = leaves(4);
		let r = root(&l);
		// The node over leaves 0 and 1, with the node over 2 and 3 as its only sibling,
		// hashes to the root, but its proof is one hash short for leaf 0 of 4.
		let inner = node(&l[0], &l[1]);
		let short_proof = [node(&l[2], &l[3])];
		assert_eq!(node(&inner, &short_proof[0]), r);
		assert!(!verify(&r, inner, &short_proof, 0, 4));
	}
}
