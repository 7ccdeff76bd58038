-- The ids of the webhook notifications received in the last day or so: a notification delivered
-- again (Intercom's retry, a replayed capture) is acted on once. received_at is the database's clock.
CREATE TABLE webhook_delivery (
  notification_id     VARCHAR(200)  NOT NULL,
  received_at         TIMESTAMP(6)  NOT NULL,
  CONSTRAINT pk_webhook_delivery PRIMARY KEY (notification_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_webhook_delivery_received ON webhook_delivery (received_at);
