-- Life cycle of a connection (issue #15).
-- A grant drawn anew at every connect: a run's writes to its connection are conditional on the
-- (account, workspace, grant) it started with, so a disconnect, reconnect or another workspace is
-- never undone by a run that started before it. Rows from before get 0.
ALTER TABLE intercom_connection ADD COLUMN grant_id BIGINT NOT NULL DEFAULT 0;

-- Checkpoints belong to the workspace they walked: connecting another workspace starts fresh.
ALTER TABLE sync_checkpoint ADD COLUMN workspace_id VARCHAR(128) NULL;
UPDATE sync_checkpoint c JOIN intercom_connection i ON i.account_id = c.account_id
  SET c.workspace_id = i.workspace_id;
UPDATE sync_checkpoint c
  SET c.workspace_id = (SELECT MAX(d.workspace_id) FROM feedback_document d
                        WHERE d.account_id = c.account_id)
  WHERE c.workspace_id IS NULL;

-- A disconnect cancels the running sync: its run ends CANCELLED.
ALTER TABLE sync_run DROP CONSTRAINT ck_sync_run_state;
ALTER TABLE sync_run ADD CONSTRAINT ck_sync_run_state
  CHECK (state IN ('RUNNING', 'COMPLETED', 'SKIPPED', 'FAILED', 'NEEDS_REAUTH', 'CANCELLED'));
