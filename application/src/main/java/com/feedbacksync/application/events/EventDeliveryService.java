package com.feedbacksync.application.events;

import com.feedbacksync.application.model.ClaimedEvent;
import com.feedbacksync.application.model.DeliveryResult;
import com.feedbacksync.application.model.OutboundEvent;
import com.feedbacksync.application.port.in.DeliverEventsUseCase;
import com.feedbacksync.application.port.out.EventOutbox;
import com.feedbacksync.application.port.out.EventReceiver;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Delivers the outbox: claims a batch of due events, sends each once, and marks it delivered (2xx),
 * due again after a backoff (5xx, 429, timeout, connection error), or given up (refused, too many
 * attempts, too old: one WARNING line, the row kept for operators). A dead receiver only delays
 * delivery; syncs never wait for it.
 */
public final class EventDeliveryService implements DeliverEventsUseCase {

  private static final System.Logger LOG = System.getLogger(EventDeliveryService.class.getName());

  private final EventOutbox outbox;
  private final EventReceiver receiver;
  private final Clock clock;
  private final DeliveryPolicy policy;
  private final DoubleSupplier jitter;

  /**
   * @param jitter draws in [0, 1) for the backoff's jitter
   */
  public EventDeliveryService(
      EventOutbox outbox,
      EventReceiver receiver,
      Clock clock,
      DeliveryPolicy policy,
      DoubleSupplier jitter) {
    this.outbox = Objects.requireNonNull(outbox);
    this.receiver = Objects.requireNonNull(receiver);
    this.clock = Objects.requireNonNull(clock);
    this.policy = Objects.requireNonNull(policy);
    this.jitter = Objects.requireNonNull(jitter);
  }

  @Override
  public int deliverDue() {
    List<ClaimedEvent> batch = outbox.claimDue(policy.batchSize(), policy.claimFor());
    for (ClaimedEvent claimed : batch) {
      attempt(claimed);
    }
    return batch.size();
  }

  private void attempt(ClaimedEvent claimed) {
    int attempts = claimed.attempts() + 1;
    DeliveryResult result;
    try {
      result = receiver.deliver(claimed.event());
    } catch (RuntimeException e) {
      result = new DeliveryResult.Retry("could not send: " + e.getClass().getSimpleName());
    }
    if (result instanceof DeliveryResult.Delivered) {
      outbox.delivered(claimed, attempts);
    } else if (result instanceof DeliveryResult.Refused refused) {
      giveUp(claimed, attempts, refused.reason());
    } else {
      String reason = ((DeliveryResult.Retry) result).reason();
      Duration delay = policy.backoff().delay(attempts, jitter.getAsDouble());
      Instant next = clock.instant().plus(delay);
      if (attempts >= policy.maxAttempts()
          || next.isAfter(claimed.event().occurredAt().plus(policy.maxAge()))) {
        giveUp(claimed, attempts, reason);
      } else if (outbox.retryLater(claimed, attempts, delay, reason)) {
        LOG.log(
            Level.INFO,
            "event delivery failed, retrying: "
                + describe(claimed.event())
                + " attempt="
                + attempts
                + " retryInMs="
                + delay.toMillis()
                + " reason=\""
                + reason
                + "\"");
      }
    }
  }

  private void giveUp(ClaimedEvent claimed, int attempts, String reason) {
    if (outbox.gaveUp(claimed, attempts, reason)) {
      LOG.log(
          Level.WARNING,
          "event delivery given up: "
              + describe(claimed.event())
              + " attempts="
              + attempts
              + " reason=\""
              + reason
              + "\"; the event stays in event_outbox (state GAVE_UP) for the retention");
    }
  }

  private static String describe(OutboundEvent event) {
    return "id="
        + event.id()
        + " type="
        + event.type().wireName()
        + " account="
        + event.account().value();
  }

  @Override
  public int prune() {
    return outbox.pruneDelivered(policy.retention())
        + outbox.pruneGivenUp(policy.gaveUpRetention());
  }
}
