-- What the syncs left out, per account and workspace: dead letters (unreadable after the retries,
-- tried again by later runs with backoff) and conversations the reply rule skipped. Written in
-- the same transaction as the checkpoint that moves past them.
CREATE TABLE skipped_item (
  account_id          VARCHAR(64)   NOT NULL,
  kind                VARCHAR(16)   NOT NULL,
  -- binary: the admin listing's keyset order is the ids' byte order, as the cursor assumes
  intercom_id         VARCHAR(128)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  workspace_id        VARCHAR(128)  NULL,
  reason              VARCHAR(24)   NOT NULL,
  detail              VARCHAR(1000) NOT NULL,
  attempts            INT           NOT NULL,
  first_seen          TIMESTAMP(6)  NOT NULL,
  last_seen           TIMESTAMP(6)  NOT NULL,
  CONSTRAINT pk_skipped_item PRIMARY KEY (account_id, kind, intercom_id),
  CONSTRAINT fk_skipped_item_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE,
  CONSTRAINT ck_skipped_item_kind CHECK (kind IN ('CONVERSATION', 'CONTACT')),
  CONSTRAINT ck_skipped_item_reason CHECK (reason IN ('NO_CUSTOMER_REPLY', 'UNREADABLE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The admin listing, newest first; the dead letters to retry, longest waiting first; the bound on
-- no-reply records, oldest first.
CREATE INDEX ix_skipped_item_listing ON skipped_item (account_id, first_seen, kind, intercom_id);
CREATE INDEX ix_skipped_item_reason ON skipped_item (account_id, reason, last_seen);

ALTER TABLE sync_run ADD COLUMN unreadable BIGINT NOT NULL DEFAULT 0 AFTER rate_limit_waits;

-- Runs are pruned by age, and backoff reads an account's latest finished runs.
CREATE INDEX ix_sync_run_started ON sync_run (started_at);
CREATE INDEX ix_sync_run_account_started ON sync_run (account_id, started_at);
