package com.feedbacksync.application.events;

import com.feedbacksync.application.model.EventType;
import com.feedbacksync.application.model.OutboundEvent;
import com.feedbacksync.application.port.out.EventOutbox;
import com.feedbacksync.domain.account.AccountId;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/** Makes an event (a fresh id, the clock's time) and puts it in the outbox. */
final class EventWriter {

  private final EventOutbox outbox;
  private final Clock clock;
  private final Supplier<String> ids;

  EventWriter(EventOutbox outbox, Clock clock, Supplier<String> ids) {
    this.outbox = Objects.requireNonNull(outbox);
    this.clock = Objects.requireNonNull(clock);
    this.ids = Objects.requireNonNull(ids);
  }

  void record(EventType type, AccountId account, Map<String, Object> data) {
    outbox.record(new OutboundEvent(ids.get(), type, clock.instant(), account, data));
  }
}
