-- OAuth flows in progress: a state is single-use (deleted when used) and expires.
CREATE TABLE oauth_state (
  state               VARCHAR(100)  NOT NULL,
  account_id          VARCHAR(64)   NOT NULL,
  admin               VARCHAR(200)  NOT NULL,
  expires_at          TIMESTAMP(6)  NOT NULL,
  CONSTRAINT pk_oauth_state PRIMARY KEY (state),
  CONSTRAINT fk_oauth_state_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
