package com.feedbacksync.adapters.web.events;

import com.feedbacksync.application.port.in.DeliverEventsUseCase;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the outbox's delivery on the server's managed scheduled executor: a batch every {@code
 * feedbacksync.events.interval-seconds}, delivered and given-up rows pruned hourly. Every server
 * runs it; the claims decide who sends what. Off without a receiver, and idle while its settings
 * are unusable.
 */
@ApplicationScoped
public class EventTimer {

  private static final Logger LOG = Logger.getLogger(EventTimer.class.getName());

  @Resource ManagedScheduledExecutorService timer;

  @Inject EventSettings settings;

  @Inject DeliverEventsUseCase delivery;

  private ScheduledFuture<?> ticks;
  private ScheduledFuture<?> pruning;

  void start(@Observes Startup startup) {
    if (!settings.enabled() || settings.problem().isPresent()) {
      return;
    }
    long every = settings.interval().toMillis();
    ticks = timer.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
    pruning = timer.scheduleWithFixedDelay(this::prune, 60, 3600, TimeUnit.SECONDS);
  }

  private void tick() {
    try {
      delivery.deliverDue();
    } catch (RuntimeException e) {
      // The rows stay due (or claimed until their claim expires): the next tick tries again.
      LOG.log(Level.WARNING, "delivering events failed; retrying at the next tick", e);
    }
  }

  private void prune() {
    try {
      int pruned = delivery.prune();
      if (pruned > 0) {
        LOG.info(() -> "pruned " + pruned + " delivered or given-up events past their retention");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "pruning events failed; retrying in an hour", e);
    }
  }

  @PreDestroy
  void stop() {
    if (ticks != null) {
      ticks.cancel(false);
    }
    if (pruning != null) {
      pruning.cancel(false);
    }
  }
}
