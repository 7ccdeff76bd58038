-- When a history walk (first sync, backfill) last wrote a profile (updated_at is Intercom's time).
-- A walk fetches again every customer whose profile it did not write itself (synced_at before the
-- walk began): after an account connected another workspace and came back, or at a backfill, what
-- was stored before is checked again, so a contact deleted in Intercom meanwhile becomes a
-- tombstone instead of keeping its name and e-mail. Rows from before this migration have none, and
-- are fetched again once.
-- The contact index carries both times, so the walk's check per page reads the index alone.
-- In place and without a lock: on a large table the index is built while syncs go on, and MariaDB
-- refuses the statement rather than copy the table or block writes.
ALTER TABLE customer_profile
  ADD COLUMN synced_at TIMESTAMP(6) NULL,
  DROP INDEX ix_customer_profile_contact,
  ADD INDEX ix_customer_profile_contact (account_id, contact_id, deleted_at, synced_at),
  ALGORITHM = INPLACE, LOCK = NONE;
