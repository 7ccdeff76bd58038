-- How far a running sync got: items handled of the listing's total (the ETA derives from these).
ALTER TABLE sync_run
  ADD COLUMN progress_done  BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN progress_total BIGINT NOT NULL DEFAULT 0;
