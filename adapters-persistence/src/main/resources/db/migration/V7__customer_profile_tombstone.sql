-- A contact Intercom no longer has keeps its row as a tombstone: deleted_at set, details cleared.
ALTER TABLE customer_profile ADD COLUMN deleted_at TIMESTAMP(6) NULL;
