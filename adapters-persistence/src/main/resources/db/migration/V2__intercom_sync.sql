-- An account's Intercom connection. The access token is stored encrypted (AES-GCM): the key id
-- names the configured key that encrypted it, so keys can be rotated.
CREATE TABLE intercom_connection (
  account_id          VARCHAR(64)   NOT NULL,
  workspace_id        VARCHAR(128)  NOT NULL,
  workspace_name      VARCHAR(300)  NOT NULL,
  region              VARCHAR(8)    NOT NULL,
  token_key_id        VARCHAR(64)   NOT NULL,
  token_ciphertext    VARBINARY(2048) NOT NULL,
  state               VARCHAR(16)   NOT NULL,
  connected_by        VARCHAR(200)  NOT NULL,
  connected_at        TIMESTAMP(6)  NOT NULL,
  coverage            VARCHAR(16)   NOT NULL,
  coverage_created_at TIMESTAMP(6)  NULL,
  coverage_conversation_id VARCHAR(128) NULL,
  last_error          TEXT          NULL,
  CONSTRAINT pk_intercom_connection PRIMARY KEY (account_id),
  CONSTRAINT fk_intercom_connection_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE,
  CONSTRAINT ck_intercom_connection_state CHECK (state IN ('CONNECTED', 'NEEDS_REAUTH', 'DISCONNECTED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Where each stream of an account stands; written in the same transaction as the page it covers.
CREATE TABLE sync_checkpoint (
  account_id          VARCHAR(64)   NOT NULL,
  stream              VARCHAR(16)   NOT NULL,
  cursor_value        TEXT          NULL,
  watermark           TIMESTAMP(6)  NULL,
  taken               INT           NOT NULL DEFAULT 0,
  window_end          TIMESTAMP(6)  NULL,
  oldest_created_at   TIMESTAMP(6)  NULL,
  oldest_conversation_id VARCHAR(128) NULL,
  done                BOOLEAN       NOT NULL DEFAULT FALSE,
  CONSTRAINT pk_sync_checkpoint PRIMARY KEY (account_id, stream),
  CONSTRAINT fk_sync_checkpoint_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A feedback document per Intercom conversation, keyed by its natural key. A deleted conversation
-- keeps its row as a tombstone (deleted_at set, content cleared).
CREATE TABLE feedback_document (
  account_id          VARCHAR(64)   NOT NULL,
  workspace_id        VARCHAR(128)  NOT NULL,
  conversation_id     VARCHAR(128)  NOT NULL,
  title               VARCHAR(400)  NOT NULL,
  status              VARCHAR(16)   NOT NULL,
  source_type         VARCHAR(64)   NOT NULL,
  delivered_as        VARCHAR(32)   NOT NULL,
  original_url        VARCHAR(500)  NOT NULL,
  customer_contact_id VARCHAR(128)  NULL,
  created_at          TIMESTAMP(6)  NOT NULL,
  updated_at          TIMESTAMP(6)  NOT NULL,
  synced_at           TIMESTAMP(6)  NOT NULL,
  deleted_at          TIMESTAMP(6)  NULL,
  messages_json       LONGTEXT      NOT NULL,
  tags_json           MEDIUMTEXT    NOT NULL,
  attributes_json     MEDIUMTEXT    NOT NULL,
  last_contact_reply_at TIMESTAMP(6) NULL,
  last_admin_reply_at TIMESTAMP(6)  NULL,
  conversation_tag_ids VARCHAR(4000) NOT NULL,
  CONSTRAINT pk_feedback_document PRIMARY KEY (account_id, workspace_id, conversation_id),
  CONSTRAINT fk_feedback_document_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The admin API lists documents newest activity first, per account.
CREATE INDEX ix_feedback_document_activity ON feedback_document (account_id, deleted_at, updated_at);

-- A customer profile per Intercom contact.
CREATE TABLE customer_profile (
  account_id          VARCHAR(64)   NOT NULL,
  workspace_id        VARCHAR(128)  NOT NULL,
  contact_id          VARCHAR(128)  NOT NULL,
  role                VARCHAR(8)    NOT NULL,
  name                VARCHAR(300)  NULL,
  email               VARCHAR(320)  NULL,
  segments_json       MEDIUMTEXT    NOT NULL,
  companies_json      MEDIUMTEXT    NOT NULL,
  properties_json     MEDIUMTEXT    NOT NULL,
  updated_at          TIMESTAMP(6)  NOT NULL,
  CONSTRAINT pk_customer_profile PRIMARY KEY (account_id, workspace_id, contact_id),
  CONSTRAINT fk_customer_profile_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_customer_profile_email ON customer_profile (account_id, email);
