-- Which server process ran each sync, so an operator of several servers sees who did what.
ALTER TABLE sync_run ADD COLUMN runner VARCHAR(200) NULL;
