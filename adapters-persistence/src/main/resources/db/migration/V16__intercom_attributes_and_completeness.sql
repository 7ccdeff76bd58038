-- Intercom's own conversation attributes (priority, assignee, rating, channel, statistics, ...),
-- typed JSON under stable names; how many parts Intercom says a conversation has against how many
-- it returned (at most the 500 most recent), and whether it cut the conversation short; per run,
-- how many such documents were stored. Rows written before keep '{}' and NULL counts: unknown,
-- shown as not truncated.
ALTER TABLE feedback_document
  ADD COLUMN intercom_attributes_json MEDIUMTEXT NOT NULL DEFAULT '{}',
  ADD COLUMN parts_reported INT NULL,
  ADD COLUMN parts_received INT NULL,
  ADD COLUMN truncated_by_intercom BOOLEAN NOT NULL DEFAULT FALSE;

ALTER TABLE sync_run ADD COLUMN truncated_by_intercom BIGINT NOT NULL DEFAULT 0 AFTER unreadable;
