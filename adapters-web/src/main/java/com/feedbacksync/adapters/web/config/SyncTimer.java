package com.feedbacksync.adapters.web.config;

import com.feedbacksync.application.port.in.PruneAuditUseCase;
import com.feedbacksync.application.port.in.PruneRunsUseCase;
import com.feedbacksync.application.port.in.ScheduleSyncsUseCase;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Ticks the scheduler on the server's managed scheduled executor: every minute it starts whatever
 * syncs are due. Several servers may tick at once; the leases decide who runs what.
 */
@ApplicationScoped
public class SyncTimer {

  private static final Logger LOG = Logger.getLogger(SyncTimer.class.getName());

  @Resource ManagedScheduledExecutorService timer;

  @Inject ScheduleSyncsUseCase scheduler;

  @Inject PruneRunsUseCase retention;

  @Inject PruneAuditUseCase auditRetention;

  @Inject
  @ConfigProperty(name = "feedbacksync.scheduler.interval-seconds", defaultValue = "60")
  long intervalSeconds;

  @Inject
  @ConfigProperty(name = "feedbacksync.scheduler.enabled", defaultValue = "true")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "feedbacksync.scheduler.lease-seconds", defaultValue = "300")
  long leaseSeconds;

  private ScheduledFuture<?> ticks;
  private ScheduledFuture<?> pruning;
  private ScheduledFuture<?> renewals;

  void start(@Observes Startup startup) {
    // Renewals have their own cadence, well inside the lease, and run even when this server does
    // not schedule: its "sync now" runs and webhook re-syncs hold leases too, and a tick may be an
    // hour apart.
    long every = Math.max(1, leaseSeconds / 5);
    renewals = timer.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.SECONDS);
    if (!enabled) {
      LOG.info("the sync scheduler is disabled (feedbacksync.scheduler.enabled=false)");
      return;
    }
    ticks = timer.scheduleWithFixedDelay(this::tick, 5, intervalSeconds, TimeUnit.SECONDS);
    pruning = timer.scheduleWithFixedDelay(this::prune, 60, 3600, TimeUnit.SECONDS);
  }

  /**
   * Old runs and audit entries go hourly, a bounded batch at a time; every server may do it,
   * deletes are idempotent.
   */
  private void prune() {
    prune("sync runs", retention::prune);
    prune("audit entries", auditRetention::prune);
  }

  private static void prune(String what, IntSupplier pruning) {
    try {
      int pruned = pruning.getAsInt();
      if (pruned > 0) {
        LOG.info(() -> "pruned " + pruned + " " + what + " older than the retention");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "pruning old " + what + " failed; retrying in an hour", e);
    }
  }

  private void renew() {
    try {
      scheduler.renewLeases();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "renewing sync leases failed; retrying shortly", e);
    }
  }

  private void tick() {
    try {
      scheduler.tick();
    } catch (RuntimeException e) {
      // A failed tick must not cancel the schedule; the next one tries again.
      LOG.log(Level.WARNING, "sync scheduling failed; retrying at the next tick", e);
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
    if (renewals != null) {
      renewals.cancel(false);
    }
  }
}
