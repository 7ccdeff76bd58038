-- Attachments and inline images, downloaded during the sync (Intercom's links expire), served by us.
CREATE TABLE document_file (
  account_id          VARCHAR(64)   NOT NULL,
  workspace_id        VARCHAR(128)  NOT NULL,
  conversation_id     VARCHAR(128)  NOT NULL,
  file_id             VARCHAR(64)   NOT NULL,
  name                VARCHAR(300)  NOT NULL,
  content_type        VARCHAR(200)  NOT NULL,
  size_bytes          BIGINT        NOT NULL,
  content             LONGBLOB      NOT NULL,
  CONSTRAINT pk_document_file PRIMARY KEY (account_id, workspace_id, conversation_id, file_id),
  CONSTRAINT fk_document_file_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
