package com.feedbacksync.application.port.in;

/** Delivers the outbox's due events to the research repository, and forgets delivered ones. */
public interface DeliverEventsUseCase {

  /** One pass: claims a batch of due events and tries each once; returns how many were tried. */
  int deliverDue();

  /** Deletes events delivered longer ago than the retention; returns how many. */
  int prune();
}
