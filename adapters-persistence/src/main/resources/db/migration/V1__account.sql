-- Accounts of the research repository: the tenants whose Intercom workspaces are synced.
CREATE TABLE account (
  id         VARCHAR(64)  NOT NULL,
  name       VARCHAR(200) NOT NULL,
  plan       VARCHAR(16)  NOT NULL,
  created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  CONSTRAINT pk_account PRIMARY KEY (id),
  CONSTRAINT ck_account_plan CHECK (plan IN ('START', 'PAID'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
