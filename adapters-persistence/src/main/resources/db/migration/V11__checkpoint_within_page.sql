-- A history walk commits parts of a page, each with how far it got in it (the last listing
-- handled), so a crash re-fetches at most the part in flight instead of the whole page of 150
-- and its profiles. Empty at a page's start.
ALTER TABLE sync_checkpoint
  ADD COLUMN handled_created_at TIMESTAMP(6) NULL,
  ADD COLUMN handled_conversation_id VARCHAR(128) NULL;
