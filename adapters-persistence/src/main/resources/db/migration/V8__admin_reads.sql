-- What the admin API reads: documents by words (full text over title and messages' plain text),
-- by customer, newest activity first with the id as tie-breaker (keyset paging); customer profiles
-- newest first.
ALTER TABLE feedback_document ADD COLUMN body_text MEDIUMTEXT NOT NULL DEFAULT '';
CREATE FULLTEXT INDEX ft_feedback_document_text ON feedback_document (title, body_text);

DROP INDEX ix_feedback_document_activity ON feedback_document;
CREATE INDEX ix_feedback_document_activity
  ON feedback_document (account_id, deleted_at, updated_at, conversation_id);
CREATE INDEX ix_feedback_document_customer
  ON feedback_document (account_id, customer_contact_id, updated_at);

CREATE INDEX ix_customer_profile_activity
  ON customer_profile (account_id, deleted_at, updated_at, contact_id);
