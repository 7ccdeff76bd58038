package com.feedbacksync.adapters.web.config;

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

  @Inject
  @ConfigProperty(name = "feedbacksync.scheduler.interval-seconds", defaultValue = "60")
  long intervalSeconds;

  @Inject
  @ConfigProperty(name = "feedbacksync.scheduler.enabled", defaultValue = "true")
  boolean enabled;

  private ScheduledFuture<?> ticks;

  void start(@Observes Startup startup) {
    if (!enabled) {
      LOG.info("the sync scheduler is disabled (feedbacksync.scheduler.enabled=false)");
      return;
    }
    ticks = timer.scheduleWithFixedDelay(this::tick, 5, intervalSeconds, TimeUnit.SECONDS);
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
  }
}
