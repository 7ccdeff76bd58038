-- A file's bytes in pieces of at most 1 MiB (the service's FileChunks.CHUNK_BYTES): no statement
-- carries more than one piece, so neither the sync nor a download of a file holds the whole file in
-- memory, and the database's max_allowed_packet no longer limits the size of an attachment.
CREATE TABLE document_file_chunk (
  account_id          VARCHAR(64)   NOT NULL,
  workspace_id        VARCHAR(128)  NOT NULL,
  conversation_id     VARCHAR(128)  NOT NULL,
  file_id             VARCHAR(64)   NOT NULL,
  seq                 INT           NOT NULL,
  -- LONGBLOB: a file stored before this migration becomes one piece of any size.
  bytes               LONGBLOB      NOT NULL,
  CONSTRAINT pk_document_file_chunk
    PRIMARY KEY (account_id, workspace_id, conversation_id, file_id, seq),
  -- Replacing or deleting a file (a re-sync, a tombstone, a purge) takes its pieces with it.
  CONSTRAINT fk_document_file_chunk_file
    FOREIGN KEY (account_id, workspace_id, conversation_id, file_id)
    REFERENCES document_file (account_id, workspace_id, conversation_id, file_id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO document_file_chunk (account_id, workspace_id, conversation_id, file_id, seq, bytes)
  SELECT account_id, workspace_id, conversation_id, file_id, 0, content FROM document_file;

ALTER TABLE document_file DROP COLUMN content;
