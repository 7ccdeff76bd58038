package com.feedbacksync.adapters.web.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.adapters.web.support.ItDeployments;
import com.feedbacksync.adapters.web.support.PortAccounts;
import com.feedbacksync.application.contract.TestAccounts;
import com.feedbacksync.application.fakes.InMemoryAccounts;
import com.feedbacksync.application.fakes.InMemoryConnections;
import com.feedbacksync.application.model.ConnectionState;
import com.feedbacksync.application.model.LeaseToken;
import com.feedbacksync.application.model.RunCounts;
import com.feedbacksync.application.model.SyncKind;
import com.feedbacksync.application.model.SyncOutcome;
import com.feedbacksync.application.model.WebhookItem;
import com.feedbacksync.application.port.in.SyncIntercomUseCase;
import com.feedbacksync.application.port.out.Accounts;
import com.feedbacksync.application.port.out.Leases;
import com.feedbacksync.application.port.out.SyncRuns;
import com.feedbacksync.application.schedule.SchedulingService;
import com.feedbacksync.application.schedule.WebhookQueue;
import com.feedbacksync.domain.account.Account;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.account.Plan;
import com.feedbacksync.domain.sync.HistoryCoverage;
import com.feedbacksync.domain.sync.Schedules;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two servers whose clocks are ten minutes apart, on one MariaDB: never one account's sync on both
 * at once. Proven at the persistence level, inside Liberty: two schedulers, each with its own clock
 * and owner name, claim through the real leases on the real database, ticking as fast as they can;
 * the sync they start is a stand-in that notices when it is entered twice for one account, on the
 * one clock both share here (this JVM's monotonic clock), which two real servers would not have.
 *
 * <p>Why not two Liberty servers with skewed clocks: the skew would need a clock-offset setting in
 * the product used only by tests, and overlaps would then have to be read from run rows whose times
 * come from the skewed clocks themselves. Here the only thing the servers share is the database, as
 * in production, and the overlap check owes nothing to either server's clock.
 */
@ExtendWith(ArquillianExtension.class)
class ClockSkewIT {

  private static final int ACCOUNTS = 4;
  private static final Duration LEASE = Duration.ofSeconds(2);
  private static final Duration SKEW = Duration.ofMinutes(10);

  @Inject Leases leases;
  @Inject SyncRuns runs;
  @Inject Accounts storedAccounts;

  @Resource(lookup = "jdbc/feedbacksync")
  DataSource db;

  @Deployment
  static WebArchive war() {
    return ItDeployments.war("feedback-sync-skew-it.war")
        .addClasses(
            ClockSkewIT.class,
            TestAccounts.class,
            PortAccounts.class,
            InMemoryAccounts.class,
            InMemoryConnections.class,
            ItDeployments.class);
  }

  /** Stands in for the sync: holds the account a little and counts who else was inside. */
  private static final class Overlaps implements SyncIntercomUseCase {
    final Map<AccountId, AtomicInteger> inside = new ConcurrentHashMap<>();
    final AtomicInteger overlaps = new AtomicInteger();
    final Map<String, AtomicInteger> runsBy = new ConcurrentHashMap<>();

    @Override
    public SyncOutcome run(AccountId account, SyncKind kind, LeaseToken lease) {
      runsBy.computeIfAbsent(lease.owner(), o -> new AtomicInteger()).incrementAndGet();
      AtomicInteger here = inside.computeIfAbsent(account, a -> new AtomicInteger());
      if (here.incrementAndGet() > 1) {
        overlaps.incrementAndGet();
      }
      try {
        Thread.sleep(ThreadLocalRandom.current().nextLong(20, 150));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        here.decrementAndGet();
      }
      return new SyncOutcome.Completed(RunCounts.NONE);
    }

    @Override
    public SyncOutcome resync(AccountId account, List<WebhookItem> items, LeaseToken lease) {
      throw new UnsupportedOperationException("no webhook here");
    }
  }

  @Test
  void servers_with_clocks_ten_minutes_apart_never_run_one_account_at_once() throws Exception {
    InMemoryAccounts accounts = new InMemoryAccounts();
    InMemoryConnections connections = new InMemoryConnections();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < ACCOUNTS; i++) {
      // Stored too: the real leases and run rows need their account.
      Account account = new Account(TestAccounts.random(), "Skew", Plan.PAID);
      ids.add(PortAccounts.create(storedAccounts, account).value());
      accounts.with(account);
      // The first sync never completes here, so every account is due on every tick.
      connections.save(
          InMemoryConnections.connection(
              account.id(),
              ConnectionState.CONNECTED,
              Instant.now(),
              new HistoryCoverage.NotYet()));
    }
    Overlaps sync = new Overlaps();
    ExecutorService pools = Executors.newFixedThreadPool(2 * ACCOUNTS + 2);
    SchedulingService behind =
        server(accounts, connections, sync, pools, Clock.systemUTC(), "server-behind");
    SchedulingService ahead =
        server(accounts, connections, sync, pools, Clock.offset(Clock.systemUTC(), SKEW), "ahead");
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(6);
    List<java.util.concurrent.Future<?>> tickers = new ArrayList<>();
    for (SchedulingService server : List.of(behind, ahead)) {
      tickers.add(
          pools.submit(
              () -> {
                while (System.nanoTime() < until) {
                  server.tick();
                  Thread.sleep(10);
                }
                return null;
              }));
    }
    for (var ticker : tickers) {
      ticker.get();
    }
    pools.shutdown();
    assertTrue(pools.awaitTermination(30, TimeUnit.SECONDS));

    int total = sync.runsBy.values().stream().mapToInt(AtomicInteger::get).sum();
    // One write, so Liberty's log (where an in-container test prints) keeps it on one line.
    String row =
        String.format(
            "  %-26s runs %3d  overlapping %d  (server-behind %s, ahead %s; run rows %d)",
            "clocks 10 min apart",
            total,
            sync.overlaps.get(),
            sync.runsBy.get("server-behind"),
            sync.runsBy.get("ahead"),
            runRows(ids));
    System.out.println(row);
    assertEquals(0, sync.overlaps.get(), "one account's sync ran twice at once: " + row);
    assertTrue(
        sync.runsBy.getOrDefault("ahead", new AtomicInteger()).get() > 0
            && sync.runsBy.getOrDefault("server-behind", new AtomicInteger()).get() > 0,
        "both servers ran syncs: " + sync.runsBy);
    assertEquals(total, runRows(ids), "every run has its row");
  }

  private SchedulingService server(
      InMemoryAccounts accounts,
      InMemoryConnections connections,
      SyncIntercomUseCase sync,
      ExecutorService pool,
      Clock clock,
      String owner) {
    return new SchedulingService(
        accounts,
        connections,
        runs,
        leases,
        sync,
        Schedules.DEFAULT,
        pool,
        clock,
        owner,
        LEASE,
        com.feedbacksync.application.schedule.FailureBackoff.DEFAULT,
        new WebhookQueue(10, 10),
        new com.feedbacksync.application.port.out.RunMetrics() {
          @Override
          public void ended(
              com.feedbacksync.application.model.SyncKind kind,
              com.feedbacksync.application.model.RunState state,
              java.time.Duration took,
              com.feedbacksync.application.model.RunCounts counts) {}

          @Override
          public void leaseTakenOver() {}
        });
  }

  private int runRows(List<String> ids) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT COUNT(*) FROM sync_run WHERE account_id IN ("
                    + String.join(",", ids.stream().map(i -> "?").toList())
                    + ")")) {
      for (int i = 0; i < ids.size(); i++) {
        q.setString(i + 1, ids.get(i));
      }
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
