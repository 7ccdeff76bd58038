-- Reads name a document by account and conversation id (and a profile by account and contact id),
-- without the workspace that leads the primary key: without these indexes each such read scanned
-- all of the account's rows (found by benchmark B5: Document Info p99 > 1 s at 14,000 documents).
CREATE INDEX ix_feedback_document_conversation ON feedback_document (account_id, conversation_id);
CREATE INDEX ix_customer_profile_contact ON customer_profile (account_id, contact_id);
CREATE INDEX ix_document_file_lookup ON document_file (account_id, conversation_id, file_id);
