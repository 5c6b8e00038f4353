-- The data folder's schema at revision 0016 in SQLite, exactly as the
-- migrations leave it: a new data folder is created from this in one step
-- (reviewer_app/storage/schema.py). Written by scripts/head_schema.py; do not
-- edit by hand.

CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

CREATE TABLE blobs (
	sha256 VARCHAR(64) NOT NULL, 
	size INTEGER NOT NULL, 
	created_at DATETIME NOT NULL, 
	CONSTRAINT pk_blobs PRIMARY KEY (sha256)
);

CREATE TABLE earners (
	id INTEGER NOT NULL, 
	external_id VARCHAR(400) NOT NULL, 
	name VARCHAR(400) NOT NULL, 
	email VARCHAR(400), 
	CONSTRAINT pk_earners PRIMARY KEY (id), 
	CONSTRAINT uq_earners_external_id UNIQUE (external_id)
);

CREATE TABLE store_intents (
	id INTEGER NOT NULL, 
	token VARCHAR(64) NOT NULL, 
	sha256 VARCHAR(64) NOT NULL, 
	created_at DATETIME NOT NULL, 
	CONSTRAINT pk_store_intents PRIMARY KEY (id)
);

CREATE TABLE definitions (
	id INTEGER NOT NULL, 
	achievement_uri VARCHAR(1000) NOT NULL, 
	version INTEGER NOT NULL, 
	name VARCHAR(400) NOT NULL, 
	content JSON NOT NULL, 
	content_digest VARCHAR(64) NOT NULL, 
	image_sha256 VARCHAR(64), 
	added_at DATETIME NOT NULL, 
	CONSTRAINT pk_definitions PRIMARY KEY (id), 
	CONSTRAINT fk_definitions_image_sha256_blobs FOREIGN KEY(image_sha256) REFERENCES blobs (sha256), 
	CONSTRAINT uq_definitions_achievement_uri UNIQUE (achievement_uri, version)
);

CREATE TABLE evidence_items (
	id INTEGER NOT NULL, 
	submission_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	kind VARCHAR(10) NOT NULL, 
	part VARCHAR(200), 
	title VARCHAR(1000), 
	description TEXT, 
	path VARCHAR(1000), 
	blob_sha256 VARCHAR(64), 
	size INTEGER, 
	media_type VARCHAR(200), 
	declared_media_type VARCHAR(200), 
	page_count INTEGER, 
	width INTEGER, 
	height INTEGER, 
	exif_orientation INTEGER, 
	frame_count INTEGER, 
	text TEXT, 
	derive_status VARCHAR(10) NOT NULL, 
	thumbnail_sha256 VARCHAR(64), 
	warnings JSON NOT NULL, 
	CONSTRAINT pk_evidence_items PRIMARY KEY (id), 
	CONSTRAINT fk_evidence_items_blob_sha256_blobs FOREIGN KEY(blob_sha256) REFERENCES blobs (sha256), 
	CONSTRAINT fk_evidence_items_submission_id_submissions FOREIGN KEY(submission_id) REFERENCES submissions (id) ON DELETE CASCADE, 
	CONSTRAINT fk_evidence_items_thumbnail_sha256_blobs FOREIGN KEY(thumbnail_sha256) REFERENCES blobs (sha256), 
	CONSTRAINT uq_evidence_items_submission_id UNIQUE (submission_id, position)
);

CREATE TABLE reviews (
	id INTEGER NOT NULL, 
	submission_id INTEGER NOT NULL, 
	reviewer_id INTEGER NOT NULL, 
	definition_id INTEGER NOT NULL, 
	feedback TEXT, 
	started_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	submitted_at DATETIME, 
	decision VARCHAR(20), written_by VARCHAR(63), 
	CONSTRAINT pk_reviews PRIMARY KEY (id), 
	CONSTRAINT fk_reviews_definition_id_definitions FOREIGN KEY(definition_id) REFERENCES definitions (id), 
	CONSTRAINT fk_reviews_reviewer_id_reviewers FOREIGN KEY(reviewer_id) REFERENCES reviewers (id), 
	CONSTRAINT fk_reviews_submission_id_submissions FOREIGN KEY(submission_id) REFERENCES submissions (id), 
	CONSTRAINT uq_reviews_submission_id UNIQUE (submission_id, reviewer_id)
);

CREATE TABLE criterion_scores (
	id INTEGER NOT NULL, 
	review_id INTEGER NOT NULL, 
	criterion_id VARCHAR(200) NOT NULL, 
	level_id VARCHAR(200), 
	comment TEXT, 
	updated_at DATETIME NOT NULL, written_by VARCHAR(63), 
	CONSTRAINT pk_criterion_scores PRIMARY KEY (id), 
	CONSTRAINT fk_criterion_scores_review_id_reviews FOREIGN KEY(review_id) REFERENCES reviews (id) ON DELETE CASCADE, 
	CONSTRAINT uq_criterion_scores_review_id UNIQUE (review_id, criterion_id)
);

CREATE VIRTUAL TABLE evidence_text USING fts5(body, item_id UNINDEXED, page UNINDEXED, tokenize = 'unicode61 remove_diacritics 2');

CREATE TABLE audit_events (
	id INTEGER NOT NULL, 
	seq INTEGER NOT NULL, 
	at VARCHAR(40) NOT NULL, 
	actor VARCHAR(200) NOT NULL, 
	action VARCHAR(100) NOT NULL, 
	entity VARCHAR(100) NOT NULL, 
	entity_id VARCHAR(1000) NOT NULL, 
	"before" TEXT NOT NULL, 
	"after" TEXT NOT NULL, 
	prev_hash VARCHAR(64) NOT NULL, 
	hash VARCHAR(64) NOT NULL, written_by VARCHAR(63), 
	CONSTRAINT pk_audit_events PRIMARY KEY (id), 
	CONSTRAINT uq_audit_events_seq UNIQUE (seq)
);

CREATE TABLE folder_settings (
	"key" VARCHAR(200) NOT NULL, 
	value JSON NOT NULL, 
	CONSTRAINT pk_folder_settings PRIMARY KEY ("key")
);

CREATE TABLE pathways (
	id INTEGER NOT NULL, 
	pathway_uri VARCHAR(1000) NOT NULL, 
	name VARCHAR(400) NOT NULL, 
	content JSON NOT NULL, 
	content_digest VARCHAR(64) NOT NULL, 
	image_sha256 VARCHAR(64), 
	added_at DATETIME NOT NULL, 
	CONSTRAINT pk_pathways PRIMARY KEY (id), 
	CONSTRAINT fk_pathways_image_sha256_blobs FOREIGN KEY(image_sha256) REFERENCES blobs (sha256), 
	CONSTRAINT uq_pathways_pathway_uri UNIQUE (pathway_uri)
);

CREATE TABLE issuers (
	id INTEGER NOT NULL, 
	slug VARCHAR(100) NOT NULL, 
	name VARCHAR(400) NOT NULL, 
	url VARCHAR(1000) NOT NULL, 
	email VARCHAR(400), 
	description TEXT, 
	image_sha256 VARCHAR(64), 
	base_url VARCHAR(1000) NOT NULL, 
	did_method VARCHAR(10) NOT NULL, 
	secret VARCHAR(64) NOT NULL, 
	is_default BOOLEAN NOT NULL, 
	created_at DATETIME NOT NULL, 
	CONSTRAINT pk_issuers PRIMARY KEY (id), 
	CONSTRAINT fk_issuers_image_sha256_blobs FOREIGN KEY(image_sha256) REFERENCES blobs (sha256), 
	CONSTRAINT uq_issuers_slug UNIQUE (slug)
);

CREATE TABLE issuer_keys (
	id INTEGER NOT NULL, 
	issuer_id INTEGER NOT NULL, 
	key_id VARCHAR(100) NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	public_key TEXT NOT NULL, 
	file_name VARCHAR(200) NOT NULL, 
	created_at DATETIME NOT NULL, 
	retired_at DATETIME, 
	CONSTRAINT pk_issuer_keys PRIMARY KEY (id), 
	CONSTRAINT fk_issuer_keys_issuer_id_issuers FOREIGN KEY(issuer_id) REFERENCES issuers (id), 
	CONSTRAINT uq_issuer_keys_issuer_id UNIQUE (issuer_id, key_id)
);

CREATE TABLE "issued_credentials" (
	id INTEGER NOT NULL, 
	decision_id INTEGER NOT NULL, 
	credential_id VARCHAR(1000) NOT NULL, 
	format VARCHAR(20) NOT NULL, 
	issued_at DATETIME NOT NULL, 
	document_sha256 VARCHAR(64), 
	revoked_at DATETIME, 
	revocation_reason TEXT, 
	issuer_id INTEGER, 
	key_id VARCHAR(100), 
	proof VARCHAR(20), 
	status_index INTEGER, 
	document TEXT, 
	exported_at DATETIME, 
	CONSTRAINT pk_issued_credentials PRIMARY KEY (id), 
	CONSTRAINT fk_issued_credentials_decision_id_decisions FOREIGN KEY(decision_id) REFERENCES decisions (id), 
	CONSTRAINT uq_issued_credentials_credential_id UNIQUE (credential_id), 
	CONSTRAINT uq_issued_credentials_decision_id UNIQUE (decision_id, format), 
	CONSTRAINT fk_issued_credentials_issuer_id_issuers FOREIGN KEY(issuer_id) REFERENCES issuers (id), 
	CONSTRAINT uq_issued_credentials_issuer_id UNIQUE (issuer_id, status_index)
);

CREATE TABLE credential_settings (
	credential_uri VARCHAR(1000) NOT NULL, 
	required_reviews INTEGER NOT NULL, rules JSON, 
	CONSTRAINT pk_credential_settings PRIMARY KEY (credential_uri)
);

CREATE TABLE anchors (
	id INTEGER NOT NULL, 
	submission_id INTEGER NOT NULL, 
	reference_review_id INTEGER NOT NULL, 
	marked_by INTEGER NOT NULL, 
	rationale TEXT, 
	marked_at DATETIME NOT NULL, 
	CONSTRAINT pk_anchors PRIMARY KEY (id), 
	CONSTRAINT fk_anchors_submission_id_submissions FOREIGN KEY(submission_id) REFERENCES submissions (id), 
	CONSTRAINT fk_anchors_reference_review_id_reviews FOREIGN KEY(reference_review_id) REFERENCES reviews (id), 
	CONSTRAINT fk_anchors_marked_by_reviewers FOREIGN KEY(marked_by) REFERENCES reviewers (id), 
	CONSTRAINT uq_anchors_submission_id UNIQUE (submission_id)
);

CREATE TABLE "decisions" (
	id INTEGER NOT NULL, 
	submission_id INTEGER NOT NULL, 
	outcome VARCHAR(20) NOT NULL, 
	review_id INTEGER, 
	decided_by INTEGER, 
	rationale TEXT, 
	decided_at DATETIME NOT NULL, 
	feedback_review_id INTEGER, 
	feedback TEXT, letter_annotations JSON, written_by VARCHAR(63), 
	CONSTRAINT pk_decisions PRIMARY KEY (id), 
	CONSTRAINT fk_decisions_submission_id_submissions FOREIGN KEY(submission_id) REFERENCES submissions (id), 
	CONSTRAINT fk_decisions_decided_by_reviewers FOREIGN KEY(decided_by) REFERENCES reviewers (id), 
	CONSTRAINT uq_decisions_submission_id UNIQUE (submission_id), 
	CONSTRAINT fk_decisions_review_id_reviews FOREIGN KEY(review_id) REFERENCES reviews (id), 
	CONSTRAINT fk_decisions_feedback_review_id_reviews FOREIGN KEY(feedback_review_id) REFERENCES reviews (id)
);

CREATE TABLE packets (
	id INTEGER NOT NULL, 
	packet_id VARCHAR(36) NOT NULL, 
	direction VARCHAR(10) NOT NULL, 
	issued_by VARCHAR(400) NOT NULL, 
	created_at DATETIME NOT NULL, 
	recorded_at DATETIME NOT NULL, 
	file_sha256 VARCHAR(64) NOT NULL, 
	CONSTRAINT pk_packets PRIMARY KEY (id), 
	CONSTRAINT uq_packets_packet_id UNIQUE (packet_id)
);

CREATE TABLE packet_assignments (
	id INTEGER NOT NULL, 
	packet_id INTEGER NOT NULL, 
	reviewer VARCHAR(200) NOT NULL, 
	submission_id VARCHAR(200) NOT NULL, 
	credential_uri VARCHAR(1000) NOT NULL, 
	CONSTRAINT pk_packet_assignments PRIMARY KEY (id), 
	CONSTRAINT fk_packet_assignments_packet_id_packets FOREIGN KEY(packet_id) REFERENCES packets (id) ON DELETE CASCADE, 
	CONSTRAINT uq_packet_assignments_packet_id UNIQUE (packet_id, reviewer, submission_id)
);

CREATE TABLE packet_returns (
	id INTEGER NOT NULL, 
	packet_id INTEGER NOT NULL, 
	reviewer VARCHAR(200) NOT NULL, 
	file_sha256 VARCHAR(64) NOT NULL, 
	created_at DATETIME NOT NULL, 
	imported_at DATETIME NOT NULL, 
	summary JSON NOT NULL, 
	CONSTRAINT pk_packet_returns PRIMARY KEY (id), 
	CONSTRAINT fk_packet_returns_packet_id_packets FOREIGN KEY(packet_id) REFERENCES packets (id), 
	CONSTRAINT uq_packet_returns_file_sha256 UNIQUE (file_sha256)
);

CREATE TABLE review_conflicts (
	id INTEGER NOT NULL, 
	review_id INTEGER NOT NULL, 
	packet_id VARCHAR(36) NOT NULL, 
	return_sha256 VARCHAR(64) NOT NULL, 
	submission_id VARCHAR(200) NOT NULL, 
	reviewer VARCHAR(200) NOT NULL, 
	incoming JSON NOT NULL, 
	incoming_digest VARCHAR(64) NOT NULL, 
	detected_at DATETIME NOT NULL, 
	resolved_at DATETIME, 
	resolution VARCHAR(10), 
	resolved_by INTEGER, 
	rationale TEXT, 
	CONSTRAINT pk_review_conflicts PRIMARY KEY (id), 
	CONSTRAINT fk_review_conflicts_review_id_reviews FOREIGN KEY(review_id) REFERENCES reviews (id), 
	CONSTRAINT fk_review_conflicts_resolved_by_reviewers FOREIGN KEY(resolved_by) REFERENCES reviewers (id), 
	CONSTRAINT uq_review_conflicts_return_sha256 UNIQUE (return_sha256, submission_id, reviewer)
);

CREATE TABLE calibration_sets (
	id INTEGER NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	credential_uri VARCHAR(1000) NOT NULL, 
	mode VARCHAR(20) NOT NULL, 
	created_by INTEGER NOT NULL, 
	created_at DATETIME NOT NULL, 
	CONSTRAINT pk_calibration_sets PRIMARY KEY (id), 
	CONSTRAINT fk_calibration_sets_created_by_reviewers FOREIGN KEY(created_by) REFERENCES reviewers (id), 
	CONSTRAINT uq_calibration_sets_name UNIQUE (name)
);

CREATE TABLE calibration_set_items (
	id INTEGER NOT NULL, 
	set_id INTEGER NOT NULL, 
	anchor_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	CONSTRAINT pk_calibration_set_items PRIMARY KEY (id), 
	CONSTRAINT fk_calibration_set_items_set_id_calibration_sets FOREIGN KEY(set_id) REFERENCES calibration_sets (id), 
	CONSTRAINT fk_calibration_set_items_anchor_id_anchors FOREIGN KEY(anchor_id) REFERENCES anchors (id), 
	CONSTRAINT uq_calibration_set_items_set_id UNIQUE (set_id, anchor_id)
);

CREATE TABLE calibration_assignments (
	id INTEGER NOT NULL, 
	set_id INTEGER NOT NULL, 
	reviewer_id INTEGER NOT NULL, 
	assigned_at DATETIME NOT NULL, 
	CONSTRAINT pk_calibration_assignments PRIMARY KEY (id), 
	CONSTRAINT fk_calibration_assignments_set_id_calibration_sets FOREIGN KEY(set_id) REFERENCES calibration_sets (id), 
	CONSTRAINT fk_calibration_assignments_reviewer_id_reviewers FOREIGN KEY(reviewer_id) REFERENCES reviewers (id), 
	CONSTRAINT uq_calibration_assignments_set_id UNIQUE (set_id, reviewer_id)
);

CREATE TABLE annotations (
	id INTEGER NOT NULL, 
	review_id INTEGER NOT NULL, 
	number INTEGER NOT NULL, 
	item_id INTEGER NOT NULL, 
	page INTEGER NOT NULL, 
	x FLOAT, 
	y FLOAT, 
	width FLOAT, 
	height FLOAT, 
	quote TEXT, 
	quote_start INTEGER, 
	text TEXT NOT NULL, 
	criterion_id VARCHAR(200), 
	tag VARCHAR(200), 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, written_by VARCHAR(63), 
	CONSTRAINT pk_annotations PRIMARY KEY (id), 
	CONSTRAINT fk_annotations_review_id_reviews FOREIGN KEY(review_id) REFERENCES reviews (id) ON DELETE CASCADE, 
	CONSTRAINT fk_annotations_item_id_evidence_items FOREIGN KEY(item_id) REFERENCES evidence_items (id) ON DELETE CASCADE, 
	CONSTRAINT uq_annotations_review_id UNIQUE (review_id, number)
);

CREATE TABLE "reviewers" (
	id INTEGER NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	role VARCHAR(20) NOT NULL, 
	created_at DATETIME NOT NULL, 
	login VARCHAR(63), 
	CONSTRAINT pk_reviewers PRIMARY KEY (id), 
	CONSTRAINT uq_reviewers_name UNIQUE (name), 
	CONSTRAINT uq_reviewers_login UNIQUE (login)
);

CREATE TABLE assignments (
	id INTEGER NOT NULL, 
	submission_id INTEGER NOT NULL, 
	reviewer_id INTEGER NOT NULL, 
	assigned_by VARCHAR(200) NOT NULL, 
	assigned_at DATETIME NOT NULL, written_by VARCHAR(63), 
	CONSTRAINT pk_assignments PRIMARY KEY (id), 
	CONSTRAINT fk_assignments_submission_id_submissions FOREIGN KEY(submission_id) REFERENCES submissions (id) ON DELETE CASCADE, 
	CONSTRAINT fk_assignments_reviewer_id_reviewers FOREIGN KEY(reviewer_id) REFERENCES reviewers (id), 
	CONSTRAINT uq_assignments_submission_id UNIQUE (submission_id, reviewer_id)
);

CREATE TABLE blob_chunks (
	sha256 VARCHAR(64) NOT NULL, 
	seq INTEGER NOT NULL, 
	data BLOB NOT NULL, 
	CONSTRAINT pk_blob_chunks PRIMARY KEY (sha256, seq), 
	CONSTRAINT fk_blob_chunks_sha256_blobs FOREIGN KEY(sha256) REFERENCES blobs (sha256) ON DELETE CASCADE
);

CREATE TABLE "submissions" (
	id INTEGER NOT NULL, 
	submission_id VARCHAR(200) NOT NULL, 
	earner_id INTEGER NOT NULL, 
	credential_uri VARCHAR(1000), 
	credential_name VARCHAR(400), 
	attempt INTEGER NOT NULL, 
	submitted_at DATETIME, 
	imported_at DATETIME NOT NULL, 
	notes TEXT, 
	shape VARCHAR(20) NOT NULL, 
	source_name VARCHAR(1000) NOT NULL, 
	content_digest VARCHAR(64) NOT NULL, 
	status VARCHAR(20) NOT NULL, 
	warnings JSON NOT NULL, 
	earner_name VARCHAR(400), 
	earner_email VARCHAR(400), 
	platform VARCHAR(20), 
	platform_id VARCHAR(200), 
	late BOOLEAN DEFAULT 0 NOT NULL, 
	CONSTRAINT pk_submissions PRIMARY KEY (id), 
	CONSTRAINT uq_submissions_submission_id UNIQUE (submission_id), 
	CONSTRAINT fk_submissions_earner_id_earners FOREIGN KEY(earner_id) REFERENCES earners (id)
);

CREATE INDEX ix_store_intents_token ON store_intents (token);

CREATE INDEX ix_definitions_achievement_uri ON definitions (achievement_uri);

CREATE INDEX ix_evidence_items_blob_sha256 ON evidence_items (blob_sha256);

CREATE INDEX ix_evidence_items_derive_status ON evidence_items (derive_status);

CREATE INDEX ix_evidence_items_submission_id ON evidence_items (submission_id);

CREATE INDEX ix_reviews_reviewer_id ON reviews (reviewer_id);

CREATE INDEX ix_reviews_submission_id ON reviews (submission_id);

CREATE INDEX ix_earners_name ON earners (name);

CREATE INDEX ix_issuer_keys_issuer_id ON issuer_keys (issuer_id);

CREATE INDEX ix_issued_credentials_issuer_id ON issued_credentials (issuer_id);

CREATE INDEX ix_packet_assignments_submission_id ON packet_assignments (submission_id);

CREATE INDEX ix_packet_returns_packet_id ON packet_returns (packet_id);

CREATE INDEX ix_review_conflicts_review_id ON review_conflicts (review_id);

CREATE INDEX ix_calibration_set_items_set_id ON calibration_set_items (set_id);

CREATE INDEX ix_calibration_assignments_set_id ON calibration_assignments (set_id);

CREATE INDEX ix_annotations_review_id ON annotations (review_id);

CREATE INDEX ix_annotations_item_id ON annotations (item_id);

CREATE INDEX ix_assignments_submission_id ON assignments (submission_id);

CREATE INDEX ix_assignments_reviewer_id ON assignments (reviewer_id);

CREATE INDEX ix_submissions_status ON submissions (status);

CREATE INDEX ix_submissions_queue_credential_name ON submissions (credential_name, submission_id);

CREATE INDEX ix_submissions_queue_credential ON submissions (credential_uri, submitted_at, submission_id);

CREATE INDEX ix_submissions_credential_uri ON submissions (credential_uri);

CREATE INDEX ix_submissions_queue_status ON submissions (status, submitted_at, submission_id);

CREATE INDEX ix_submissions_earner_credential ON submissions (earner_id, credential_uri);

CREATE INDEX ix_submissions_queue_submitted ON submissions (submitted_at, submission_id);

CREATE INDEX ix_submissions_queue_attempt ON submissions (attempt, submission_id);

CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;

CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
