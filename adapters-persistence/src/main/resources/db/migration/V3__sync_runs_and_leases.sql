-- Every sync run, with its counts and outcome, for admins and for scheduling.
CREATE TABLE sync_run (
  id                  CHAR(36)      NOT NULL,
  account_id          VARCHAR(64)   NOT NULL,
  kind                VARCHAR(16)   NOT NULL,
  state               VARCHAR(16)   NOT NULL,
  started_at          TIMESTAMP(6)  NOT NULL,
  finished_at         TIMESTAMP(6)  NULL,
  fetched             BIGINT        NOT NULL DEFAULT 0,
  kept                BIGINT        NOT NULL DEFAULT 0,
  skipped_without_reply BIGINT      NOT NULL DEFAULT 0,
  resynced            BIGINT        NOT NULL DEFAULT 0,
  unchanged           BIGINT        NOT NULL DEFAULT 0,
  deleted             BIGINT        NOT NULL DEFAULT 0,
  profiles            BIGINT        NOT NULL DEFAULT 0,
  api_calls           BIGINT        NOT NULL DEFAULT 0,
  rate_limit_waits    BIGINT        NOT NULL DEFAULT 0,
  error               TEXT          NULL,
  CONSTRAINT pk_sync_run PRIMARY KEY (id),
  CONSTRAINT fk_sync_run_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE,
  CONSTRAINT ck_sync_run_state CHECK (state IN ('RUNNING', 'COMPLETED', 'SKIPPED', 'FAILED', 'NEEDS_REAUTH'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_sync_run_account ON sync_run (account_id, kind, started_at);

-- Leases: which server runs an account's job until when. Claimed with a conditional UPDATE, so two
-- servers on one database never both win.
CREATE TABLE sync_lease (
  account_id          VARCHAR(64)   NOT NULL,
  job                 VARCHAR(32)   NOT NULL,
  owner               VARCHAR(200)  NULL,
  expires_at          TIMESTAMP(6)  NULL,
  CONSTRAINT pk_sync_lease PRIMARY KEY (account_id, job),
  CONSTRAINT fk_sync_lease_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
