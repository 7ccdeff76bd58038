-- An account's own choice of whether admins' internal notes become part of its documents; NULL:
-- it made none, and the server's default (feedbacksync.documents.include-internal-notes) applies.
ALTER TABLE account ADD COLUMN include_internal_notes BOOLEAN NULL;
