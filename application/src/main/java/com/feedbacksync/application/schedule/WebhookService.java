package com.feedbacksync.application.schedule;

import com.feedbacksync.application.model.Connection;
import com.feedbacksync.application.model.ConnectionState;
import com.feedbacksync.application.model.WebhookDelivery;
import com.feedbacksync.application.model.WebhookItem;
import com.feedbacksync.application.port.in.ReceiveWebhooksUseCase;
import com.feedbacksync.application.port.in.ScheduleSyncsUseCase;
import com.feedbacksync.application.port.out.Connections;
import com.feedbacksync.application.port.out.WebhookDeliveries;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Verified webhook notifications in: a notification created more than {@link #ACCEPTED_AGE} ago (or
 * more than {@link #CLOCK_SKEW} ahead) is refused as stale; one whose id was seen before is a
 * duplicate; the rest queue their re-syncs for every account connected to the workspace, coalesced
 * and bounded ({@link WebhookQueue}), which the scheduler runs under each account's lease.
 *
 * <p>The ids are kept {@link #KEPT} (longer than a notification stays acceptable, plus the skew),
 * so no replay of an accepted notification is ever accepted again.
 */
public final class WebhookService implements ReceiveWebhooksUseCase {

  /** How old a notification may be: Intercom retries a failed delivery once, after a minute. */
  public static final Duration ACCEPTED_AGE = Duration.ofHours(24);

  /** How far ahead of this server's clock a notification's creation time may be. */
  public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  /** How long a delivered notification id is remembered. */
  public static final Duration KEPT = ACCEPTED_AGE.plus(Duration.ofHours(1));

  /** Forgetting old ids is a DELETE: at most once in this long per server. */
  private static final Duration FORGET_EVERY = Duration.ofHours(1);

  private final Connections connections;
  private final WebhookDeliveries deliveries;
  private final WebhookQueue queue;
  private final ScheduleSyncsUseCase scheduler;
  private final Clock clock;
  private final AtomicReference<Instant> forgotten = new AtomicReference<>(Instant.MIN);

  public WebhookService(
      Connections connections,
      WebhookDeliveries deliveries,
      WebhookQueue queue,
      ScheduleSyncsUseCase scheduler,
      Clock clock) {
    this.connections = Objects.requireNonNull(connections);
    this.deliveries = Objects.requireNonNull(deliveries);
    this.queue = Objects.requireNonNull(queue);
    this.scheduler = Objects.requireNonNull(scheduler);
    this.clock = Objects.requireNonNull(clock);
  }

  @Override
  public Receipt receive(WebhookDelivery delivery) {
    Instant now = clock.instant();
    if (delivery.createdAt().isBefore(now.minus(ACCEPTED_AGE))) {
      return new Receipt.Stale(
          "The notification was created at "
              + delivery.createdAt()
              + ", more than 24 hours ago: a late or replayed delivery is not acted on.");
    }
    if (delivery.createdAt().isAfter(now.plus(CLOCK_SKEW))) {
      return new Receipt.Stale(
          "The notification's created_at " + delivery.createdAt() + " lies in the future.");
    }
    forgetOld(now);
    if (!deliveries.firstDelivery(delivery.notificationId())) {
      return new Receipt.Duplicate();
    }
    List<Connection> accounts =
        connections.ofWorkspace(delivery.workspace()).stream()
            .filter(c -> c.state() == ConnectionState.CONNECTED)
            .toList();
    if (accounts.isEmpty()) {
      return new Receipt.NoAccount();
    }
    int full = 0;
    for (Connection connection : accounts) {
      for (WebhookItem item : delivery.items()) {
        if (queue.offer(connection.account(), item) == WebhookQueue.Offer.FULL) {
          full++;
        }
      }
    }
    scheduler.resyncWebhooksSoon();
    return new Receipt.Queued(accounts.size(), full);
  }

  private void forgetOld(Instant now) {
    Instant last = forgotten.get();
    if (last.isBefore(now.minus(FORGET_EVERY)) && forgotten.compareAndSet(last, now)) {
      deliveries.forgetOlderThan(KEPT);
    }
  }
}
