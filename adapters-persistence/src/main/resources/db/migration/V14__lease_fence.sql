-- Every claim of a lease draws the next fence. A run commits only while its lease row still carries
-- its owner and fence and has not expired on the database's clock (checked, with the row locked, in
-- the commit's transaction), so a server that lost its lease can never write beside its successor.
ALTER TABLE sync_lease ADD COLUMN fence BIGINT NOT NULL DEFAULT 0;
