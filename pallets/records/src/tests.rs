//! Scenarios of record anchoring.

use crate::{
	mock::*,
	runtime_api::{BatchProofCheck, RecordStatus},
	*,
};
use frame_support::{assert_noop, assert_ok};

const BP_READING: &str = r#"{"code":{"text":"Blood pressure"},"resourceType":"Observation","valueQuantity":{"unit":"mmHg","value":148}}"#;

fn fingerprint(document: &str) -> ContentHash {
	sp_io::hashing::sha2_256(document.as_bytes())
}

fn doctor() -> RuntimeOrigin {
	RuntimeOrigin::signed(HOSPITAL_DOCTOR)
}

fn nurse() -> RuntimeOrigin {
	RuntimeOrigin::signed(CENTRE_NURSE)
}

fn last_event() -> Event<Test> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Anchors(event) => Some(event),
			_ => None,
		})
		.last()
		.expect("a records event was deposited")
}

fn anchor(origin: RuntimeOrigin, patient: u32, hash: ContentHash) {
	assert_ok!(Anchors::anchor_record(origin, patient, hash, Category::Observation, None));
}

mod single_records {
	use super::*;

	#[test]
	fn an_anchored_record_carries_its_provenance() {
		new_test_ext().execute_with(|| {
			let hash = fingerprint(BP_READING);
			assert_ok!(Anchors::anchor_record(
				doctor(),
				GRANDMA_ID,
				hash,
				Category::Observation,
				Some(b"his://obs/88121".to_vec())
			));
			assert_eq!(
				last_event(),
				Event::RecordAnchored {
					content_hash: hash,
					patient: GRANDMA_ID,
					category: Category::Observation,
					institution: HOSPITAL
				}
			);
			let RecordStatus::Anchored(record) = Anchors::status(hash) else {
				panic!("the record is anchored and current")
			};
			assert_eq!(record.patient, GRANDMA_ID);
			assert_eq!(record.institution, HOSPITAL);
			assert_eq!(record.author, HOSPITAL_DOCTOR);
			assert_eq!(record.locator.unwrap().into_inner(), b"his://obs/88121".to_vec());
			assert_eq!((record.anchored_at, record.timestamp), (1, NOW));
			assert_eq!((record.supersedes, record.superseded_by), (None, None));
		});
	}

	#[test]
	fn one_changed_byte_makes_a_document_unknown() {
		new_test_ext().execute_with(|| {
			anchor(doctor(), GRANDMA_ID, fingerprint(BP_READING));
			let tampered = BP_READING.replace("148", "128");
			assert_eq!(Anchors::status(fingerprint(&tampered)), RecordStatus::Unknown);
		});
	}

	#[test]
	fn the_same_content_is_anchored_once() {
		new_test_ext().execute_with(|| {
			let hash = fingerprint(BP_READING);
			anchor(doctor(), GRANDMA_ID, hash);
			assert_noop!(
				Anchors::anchor_record(nurse(), GRANDPA_ID, hash, Category::Condition, None),
				Error::<Test>::AlreadyAnchored
			);
		});
	}

	#[test]
	fn anchoring_needs_active_staff_a_known_patient_and_a_short_locator() {
		new_test_ext().execute_with(|| {
			let hash = fingerprint(BP_READING);
			for outsider in [HOSPITAL_ADMIN, GRANDMA, 999] {
				assert_noop!(
					Anchors::anchor_record(
						RuntimeOrigin::signed(outsider),
						GRANDMA_ID,
						hash,
						Category::Observation,
						None
					),
					Error::<Test>::NotActiveStaff
				);
			}
			assert_noop!(
				Anchors::anchor_record(doctor(), 7, hash, Category::Observation, None),
				Error::<Test>::UnknownPatient
			);
			assert_noop!(
				Anchors::anchor_record(
					doctor(),
					GRANDMA_ID,
					hash,
					Category::Observation,
					Some(vec![b'x'; MAX_LOCATOR_LENGTH as usize + 1])
				),
				Error::<Test>::LocatorTooLong
			);
		});
	}

	#[test]
	fn a_suspended_institutions_staff_cannot_anchor_or_amend() {
		new_test_ext().execute_with(|| {
			let hash = fingerprint(BP_READING);
			anchor(doctor(), GRANDMA_ID, hash);
			assert_ok!(Institutions::suspend_institution(RuntimeOrigin::root(), HOSPITAL));
			assert_noop!(
				Anchors::anchor_record(doctor(), GRANDMA_ID, [9; 32], Category::Observation, None),
				Error::<Test>::NotActiveStaff
			);
			assert_noop!(
				Anchors::amend_record(doctor(), hash, [9; 32], Category::Observation, None),
				Error::<Test>::NotActiveStaff
			);
			assert_noop!(
				Anchors::anchor_batch(doctor(), [9; 32], 4),
				Error::<Test>::NotActiveStaff
			);
		});
	}
}

mod amendments {
	use super::*;

	#[test]
	fn an_amendment_chain_keeps_every_version() {
		new_test_ext().execute_with(|| {
			let (v1, v2, v3) = ([1; 32], [2; 32], [3; 32]);
			anchor(doctor(), GRANDMA_ID, v1);
			assert_ok!(Anchors::amend_record(doctor(), v1, v2, Category::Observation, None));
			assert_eq!(
				last_event(),
				Event::RecordAmended { content_hash: v2, supersedes: v1, patient: GRANDMA_ID }
			);
			System::set_block_number(2);
			assert_ok!(Anchors::amend_record(doctor(), v2, v3, Category::Observation, None));

			let RecordStatus::Superseded { record, by, latest } = Anchors::status(v1) else {
				panic!("v1 is superseded")
			};
			assert_eq!((record.superseded_by, by, latest), (Some(v2), v2, v3));
			let RecordStatus::Superseded { record, by, latest } = Anchors::status(v2) else {
				panic!("v2 is superseded")
			};
			assert_eq!((record.supersedes, by, latest), (Some(v1), v3, v3));
			let RecordStatus::Anchored(record) = Anchors::status(v3) else {
				panic!("v3 is current")
			};
			assert_eq!(
				(record.supersedes, record.anchored_at, record.patient),
				(Some(v2), 2, GRANDMA_ID)
			);
			assert_eq!(Anchors::patient_records(GRANDMA_ID, None, 10).len(), 3);
		});
	}

	#[test]
	fn superseding_a_superseded_record_is_refused() {
		new_test_ext().execute_with(|| {
			anchor(doctor(), GRANDMA_ID, [1; 32]);
			assert_ok!(Anchors::amend_record(
				doctor(),
				[1; 32],
				[2; 32],
				Category::Observation,
				None
			));
			assert_noop!(
				Anchors::amend_record(doctor(), [1; 32], [3; 32], Category::Observation, None),
				Error::<Test>::AlreadySuperseded
			);
		});
	}

	#[test]
	fn amendments_are_refused_for_unknown_records_duplicates_and_other_institutions() {
		new_test_ext().execute_with(|| {
			anchor(doctor(), GRANDMA_ID, [1; 32]);
			anchor(doctor(), GRANDPA_ID, [5; 32]);
			assert_noop!(
				Anchors::amend_record(doctor(), [8; 32], [2; 32], Category::Observation, None),
				Error::<Test>::UnknownRecord
			);
			assert_noop!(
				Anchors::amend_record(doctor(), [1; 32], [5; 32], Category::Observation, None),
				Error::<Test>::AlreadyAnchored
			);
			assert_noop!(
				Anchors::amend_record(nurse(), [1; 32], [2; 32], Category::Observation, None),
				Error::<Test>::NotAuthoringInstitution
			);
		});
	}
}

mod batches {
	use super::*;

	fn leaves(n: u8) -> Vec<ContentHash> {
		(0..n)
			.map(|i| fingerprint(&format!("{{\"resourceType\":\"Observation\",\"id\":\"{i}\"}}")))
			.collect()
	}

	#[test]
	fn a_batch_proof_verifies_for_each_record_and_for_no_other() {
		new_test_ext().execute_with(|| {
			let records = leaves(13);
			let root = merkle::root(&records);
			assert_ok!(Anchors::anchor_batch(nurse(), root, 13));
			assert_eq!(
				last_event(),
				Event::BatchAnchored { root, leaf_count: 13, institution: CENTRE }
			);

			for (index, leaf) in records.iter().enumerate() {
				let proof = merkle::proof(&records, index as u32);
				let BatchProofCheck::Included(batch) =
					Anchors::check_batch_proof(root, *leaf, proof, index as u32)
				else {
					panic!("record {index} is in the batch")
				};
				assert_eq!(
					(batch.institution, batch.author, batch.leaf_count),
					(CENTRE, CENTRE_NURSE, 13)
				);
				assert_eq!((batch.anchored_at, batch.timestamp), (1, NOW));
			}

			let proof = merkle::proof(&records, 4);
			let outsider = fingerprint("{\"resourceType\":\"Observation\",\"id\":\"x\"}");
			assert_eq!(
				Anchors::check_batch_proof(root, outsider, proof.clone(), 4),
				BatchProofCheck::NotIncluded,
				"wrong leaf"
			);
			assert_eq!(
				Anchors::check_batch_proof(root, records[4], proof.clone(), 5),
				BatchProofCheck::NotIncluded,
				"wrong index"
			);
			let other_root = merkle::root(&records[..12]);
			assert_eq!(
				Anchors::check_batch_proof(other_root, records[4], proof, 4),
				BatchProofCheck::UnknownBatch,
				"other root"
			);
		});
	}

	#[test]
	fn empty_absurd_and_repeated_batches_are_refused() {
		new_test_ext().execute_with(|| {
			assert_noop!(Anchors::anchor_batch(nurse(), [7; 32], 0), Error::<Test>::EmptyBatch);
			assert_noop!(
				Anchors::anchor_batch(nurse(), [7; 32], 1001),
				Error::<Test>::BatchTooLarge
			);
			assert_ok!(Anchors::anchor_batch(nurse(), [7; 32], 1000));
			assert_noop!(
				Anchors::anchor_batch(doctor(), [7; 32], 5),
				Error::<Test>::BatchAlreadyAnchored
			);
			assert_noop!(
				Anchors::anchor_batch(RuntimeOrigin::signed(CENTRE_ADMIN), [8; 32], 5),
				Error::<Test>::NotActiveStaff
			);
		});
	}
}

mod indexes {
	use super::*;

	#[test]
	fn a_patients_records_are_listed_a_page_at_a_time() {
		new_test_ext().execute_with(|| {
			for i in 1..=5u8 {
				anchor(doctor(), GRANDMA_ID, [i; 32]);
			}
			anchor(nurse(), GRANDPA_ID, [9; 32]);

			// Pages are capped at MaxPageSize (3) and continue after the last key seen.
			let first = Anchors::patient_records(GRANDMA_ID, None, 10);
			assert_eq!(first.len(), 3);
			let second = Anchors::patient_records(GRANDMA_ID, Some(first[2].0), 10);
			assert_eq!(second.len(), 2);
			let mut all: Vec<ContentHash> = first.iter().chain(&second).map(|(h, _)| *h).collect();
			all.sort();
			assert_eq!(all, (1..=5u8).map(|i| [i; 32]).collect::<Vec<_>>());
			assert!(Anchors::patient_records(GRANDMA_ID, Some(second[1].0), 10).is_empty());
			assert!(first.iter().chain(&second).all(|(_, r)| r.patient == GRANDMA_ID));
		});
	}

	#[test]
	fn an_institutions_records_are_indexed_too() {
		new_test_ext().execute_with(|| {
			anchor(doctor(), GRANDMA_ID, [1; 32]);
			anchor(nurse(), GRANDMA_ID, [2; 32]);
			anchor(nurse(), GRANDPA_ID, [3; 32]);
			let centre: Vec<ContentHash> =
				Anchors::institution_records(CENTRE, None, 3).into_iter().map(|(h, _)| h).collect();
			assert_eq!(centre.len(), 2);
			assert!(centre.contains(&[2; 32]) && centre.contains(&[3; 32]));
			assert_eq!(Anchors::institution_records(HOSPITAL, None, 3).len(), 1);
		});
	}
}
