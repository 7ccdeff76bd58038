-- When this service last wrote a profile (updated_at is Intercom's time). A history walk fetches
-- again every customer whose profile it did not write itself (synced_at before the walk began):
-- reconnecting a workspace re-checks what an earlier connection stored, so a contact deleted in
-- Intercom meanwhile becomes a tombstone instead of keeping its name and e-mail. Rows from before
-- this migration have none, and are fetched again once.
-- The contact index carries both times, so the walk's check per page reads the index alone.
ALTER TABLE customer_profile
  ADD COLUMN synced_at TIMESTAMP(6) NULL,
  DROP INDEX ix_customer_profile_contact,
  ADD INDEX ix_customer_profile_contact (account_id, contact_id, deleted_at, synced_at);
