-- Who did what to an account's integration, when, and how it ended: one row per admin or service
-- request the API audits, refusals included. No foreign key to account: a refused request may name
-- an account that does not exist (yet), and the trail outlives a purge. Detail holds only short
-- id-like key=value pairs (the application refuses anything else), never a token. Account ids
-- compare without letter case, as in every other table.
CREATE TABLE audit_entry (
  id                  CHAR(36)      NOT NULL,
  account_id          VARCHAR(64)   NOT NULL,
  recorded_at         TIMESTAMP(6)  NOT NULL,
  actor               VARCHAR(255)  NOT NULL,
  actor_role          VARCHAR(16)   NOT NULL,
  action              VARCHAR(32)   NOT NULL,
  detail              VARCHAR(1000) NOT NULL,
  outcome             VARCHAR(16)   NOT NULL,
  status              SMALLINT      NOT NULL,
  CONSTRAINT pk_audit_entry PRIMARY KEY (id),
  CONSTRAINT ck_audit_entry_outcome CHECK (outcome IN ('succeeded', 'refused', 'failed'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The admin's list: newest first within one account, keyset-paged.
CREATE INDEX ix_audit_entry_account ON audit_entry (account_id, recorded_at, id);
-- Pruning by age.
CREATE INDEX ix_audit_entry_recorded ON audit_entry (recorded_at);
