package com.feedbacksync.adapters.web.metrics;

import com.feedbacksync.application.model.ConnectionCounts;
import com.feedbacksync.application.model.ConnectionState;
import com.feedbacksync.application.port.in.CountAccountsUseCase;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToLongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The accounts by connection state and the connected ones whose sync lags, as gauges. They count
 * every account on the database (servers share it, so no server's own tally would do), recounted on
 * this server's timer every {@code feedbacksync.metrics.accounts-refresh-seconds} (15): a scrape
 * only reads the last count, so scrapes never reach the database, and a database that fails never
 * fails {@code /metrics}. No count (NaN) until the first one, and again once the last one is stale.
 */
@ApplicationScoped
public class AccountGauges {

  static final String ACCOUNTS = "feedbacksync.accounts";
  static final String LAGGING = "feedbacksync.accounts.lagging";

  private static final Logger LOG = Logger.getLogger(AccountGauges.class.getName());

  @Inject MetricRegistry metrics;

  @Inject CountAccountsUseCase census;

  @Resource ManagedScheduledExecutorService timer;

  @Inject
  @ConfigProperty(name = "feedbacksync.metrics.accounts-refresh-seconds", defaultValue = "15")
  long refreshSeconds;

  /** Read by the scrape's thread, written by the timer's. */
  private final AtomicReference<Optional<ConnectionCounts>> last =
      new AtomicReference<>(Optional.empty());

  private ScheduledFuture<?> recounts;

  void start(@Observes Startup startup) {
    for (ConnectionState state : ConnectionState.values()) {
      gauge(ACCOUNTS, counts -> counts.accounts(state), new Tag("state", state.name()));
    }
    gauge(LAGGING, ConnectionCounts::lagging);
    recounts =
        timer.scheduleWithFixedDelay(
            this::recount, 0, Math.max(1, refreshSeconds), TimeUnit.SECONDS);
  }

  private void gauge(String name, ToLongFunction<ConnectionCounts> count, Tag... tags) {
    metrics.gauge(
        name, () -> last.get().map(c -> (double) count.applyAsLong(c)).orElse(Double.NaN), tags);
  }

  private void recount() {
    try {
      last.set(census.recount());
    } catch (RuntimeException e) {
      // The census keeps its own failures; this is only what it could not keep, and the timer
      // must go on.
      LOG.log(Level.WARNING, "counting the accounts failed", e);
      last.set(Optional.empty());
    }
  }

  @PreDestroy
  void stop() {
    if (recounts != null) {
      recounts.cancel(false);
    }
  }
}
