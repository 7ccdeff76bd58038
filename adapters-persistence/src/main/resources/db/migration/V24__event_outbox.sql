-- Events for the research repository, written in the transaction of the state change that causes
-- them and delivered from here by any server: a row is PENDING until a 2xx (DELIVERED, pruned after
-- the retention) or until delivery is given up (GAVE_UP, kept for operators). A dispatcher claims
-- due rows with SELECT ... FOR UPDATE SKIP LOCKED and marks them with its claim id until
-- claimed_until (the database's clock); a server that dies holding a claim loses it then. No
-- foreign key to account: an event outlives its account's deletion until it is delivered.
CREATE TABLE event_outbox (
  id                  CHAR(36)      NOT NULL,
  account_id          VARCHAR(64)   NOT NULL,
  type                VARCHAR(40)   NOT NULL,
  occurred_at         TIMESTAMP(6)  NOT NULL,
  data                TEXT          NOT NULL,
  state               VARCHAR(16)   NOT NULL DEFAULT 'PENDING',
  attempts            INT           NOT NULL DEFAULT 0,
  next_attempt_at     TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  claim_id            CHAR(36)      NULL,
  claimed_until       TIMESTAMP(6)  NULL,
  last_error          VARCHAR(500)  NULL,
  delivered_at        TIMESTAMP(6)  NULL,
  CONSTRAINT pk_event_outbox PRIMARY KEY (id),
  CONSTRAINT ck_event_outbox_state CHECK (state IN ('PENDING', 'DELIVERED', 'GAVE_UP'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The dispatchers' claim: due pending rows, oldest due first.
CREATE INDEX ix_event_outbox_due ON event_outbox (state, next_attempt_at);
-- Pruning delivered rows by age.
CREATE INDEX ix_event_outbox_delivered ON event_outbox (state, delivered_at);
