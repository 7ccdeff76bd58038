package com.feedbacksync.application.port.out;

import com.feedbacksync.application.model.ClaimedEvent;
import com.feedbacksync.application.model.OutboundEvent;
import java.time.Duration;
import java.util.List;

/**
 * The durable outbox of events for the research repository. {@link #record} joins the caller's
 * transaction (see {@link Transactions}), so an event exists exactly when its state change
 * committed. Dispatchers on several servers claim due events safely (each at most by one holder
 * until its claim expires, on the database's clock) and mark them with the claim they hold.
 */
public interface EventOutbox {

  /** Keeps the event, due at once; must run inside the state change's transaction. */
  void record(OutboundEvent event);

  /** Claims up to {@code limit} due events no one else holds, for {@code claimFor}. */
  List<ClaimedEvent> claimDue(int limit, Duration claimFor);

  /** Answered 2xx; false when the claim was lost meanwhile (nothing written). */
  boolean delivered(ClaimedEvent event, int attempts);

  /** Failed this time: due again after {@code delay}, its claim released. */
  boolean retryLater(ClaimedEvent event, int attempts, Duration delay, String lastError);

  /** Given up: kept, no longer due, for operators to read (until {@link #pruneGivenUp}). */
  boolean gaveUp(ClaimedEvent event, int attempts, String lastError);

  /** Deletes delivered events delivered longer ago than {@code age}; returns how many. */
  int pruneDelivered(Duration age);

  /** Deletes events given up longer ago than {@code age}; returns how many. */
  int pruneGivenUp(Duration age);
}
