package com.feedbacksync.application.fakes;

import com.feedbacksync.application.port.out.WebhookDeliveries;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/** A fake of the {@link WebhookDeliveries} port: the ids with when they came, on one clock. */
public final class InMemoryWebhookDeliveries implements WebhookDeliveries {

  private final Map<String, Instant> received = new HashMap<>();
  private final Supplier<Instant> clock;

  public InMemoryWebhookDeliveries(Supplier<Instant> clock) {
    this.clock = clock;
  }

  @Override
  public synchronized boolean firstDelivery(String notificationId) {
    return received.putIfAbsent(notificationId, clock.get()) == null;
  }

  @Override
  public synchronized void forgetOlderThan(Duration age) {
    Instant before = clock.get().minus(age);
    received.values().removeIf(at -> at.isBefore(before));
  }

  public synchronized int size() {
    return received.size();
  }
}
