package com.feedbacksync.adapters.web.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.adapters.web.support.ItDeployments;
import com.feedbacksync.adapters.web.support.PortAccounts;
import com.feedbacksync.application.contract.ConnectionsContract;
import com.feedbacksync.application.contract.TestAccounts;
import com.feedbacksync.application.model.AccessToken;
import com.feedbacksync.application.model.Connection;
import com.feedbacksync.application.model.ConnectionState;
import com.feedbacksync.application.model.RunCounts;
import com.feedbacksync.application.model.RunState;
import com.feedbacksync.application.model.SyncKind;
import com.feedbacksync.application.model.SyncOutcome;
import com.feedbacksync.application.model.SyncRecency;
import com.feedbacksync.application.port.out.Accounts;
import com.feedbacksync.application.port.out.ConnectionCensus;
import com.feedbacksync.application.port.out.Connections;
import com.feedbacksync.application.port.out.SyncRuns;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.intercom.Region;
import com.feedbacksync.domain.intercom.Workspace;
import com.feedbacksync.domain.intercom.WorkspaceId;
import com.feedbacksync.domain.sync.HistoryCoverage;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The {@link Connections} contract against the JPA adapter (tokens sealed) on MariaDB, and the
 * {@link ConnectionCensus} queries over the same rows.
 */
@ExtendWith(ArquillianExtension.class)
class JpaConnectionsIT extends ConnectionsContract {

  @Inject Connections connections;
  @Inject Accounts accounts;

  @Inject ConnectionCensus census;

  @Inject SyncRuns runs;

  @Deployment
  static WebArchive war() {
    return ItDeployments.war("feedback-sync-connections-it.war")
        .addClasses(
            JpaConnectionsIT.class,
            ConnectionsContract.class,
            TestAccounts.class,
            PortAccounts.class,
            ItDeployments.class);
  }

  @Override
  protected Connections connections() {
    return connections;
  }

  @Override
  protected AccountId newAccount() {
    return PortAccounts.create(accounts);
  }

  /**
   * Other tests' accounts share the database: the counts are compared before and after, and this
   * test's connections are told apart by a connection time no other test uses.
   */
  @Test
  void the_census_counts_every_account_by_state_and_finds_each_connected_ones_last_success() {
    Map<ConnectionState, Long> before = census.accountsByState();
    Instant t = Instant.parse("2030-03-01T00:00:00Z").plusMillis(new Random().nextInt(1 << 30));
    AccountId never = newAccount(); // no connection at all
    AccountId synced = connect(ConnectionState.CONNECTED, t);
    AccountId firstOnly = connect(ConnectionState.CONNECTED, t.plusMillis(1));
    AccountId unsynced = connect(ConnectionState.CONNECTED, t.plusMillis(2));
    AccountId reauth = connect(ConnectionState.NEEDS_REAUTH, t.plusMillis(3));

    run(synced, SyncKind.FIRST, t.plusSeconds(60), COMPLETED, t.plusSeconds(600));
    run(synced, SyncKind.HOURLY, t.plusSeconds(3600), COMPLETED, t.plusSeconds(3700));
    run(synced, SyncKind.HOURLY, t.plusSeconds(7200), FAILED, t.plusSeconds(7300));
    run(synced, SyncKind.CUSTOMERS, t.plusSeconds(7400), COMPLETED, t.plusSeconds(7500));
    run(synced, SyncKind.WEBHOOK, t.plusSeconds(7600), COMPLETED, t.plusSeconds(7700));
    runs.start(synced, SyncKind.HOURLY, t.plusSeconds(10_800), "still-running");
    run(firstOnly, SyncKind.FIRST, t.plusSeconds(60), COMPLETED, t.plusSeconds(900));
    run(unsynced, SyncKind.FIRST, t.plusSeconds(60), FAILED, t.plusSeconds(90));
    run(reauth, SyncKind.HOURLY, t.plusSeconds(60), COMPLETED, t.plusSeconds(20_000));

    Map<ConnectionState, Long> after = census.accountsByState();
    assertEquals(plus(before, ConnectionState.DISCONNECTED, 1), after.get(DISCONNECTED));
    assertEquals(plus(before, ConnectionState.CONNECTED, 3), after.get(ConnectionState.CONNECTED));
    assertEquals(
        plus(before, ConnectionState.NEEDS_REAUTH, 1), after.get(ConnectionState.NEEDS_REAUTH));

    List<SyncRecency> ours =
        census.connectedRecency().stream()
            .filter(r -> !r.connectedAt().isBefore(t) && r.connectedAt().isBefore(t.plusMillis(4)))
            .sorted(java.util.Comparator.comparing(SyncRecency::connectedAt))
            .toList();
    assertEquals(
        List.of(
            new SyncRecency(t, Optional.of(t.plusSeconds(3700))),
            new SyncRecency(t.plusMillis(1), Optional.of(t.plusSeconds(900))),
            new SyncRecency(t.plusMillis(2), Optional.empty())),
        ours,
        "the last completed first or hourly run; failed, running, customer and webhook runs do"
            + " not count, and the connection needing reauthorization is not connected");
    assertTrue(connections.find(never).isEmpty());
  }

  private static final RunState COMPLETED = RunState.COMPLETED;
  private static final RunState FAILED = RunState.FAILED;
  private static final ConnectionState DISCONNECTED = ConnectionState.DISCONNECTED;

  private static long plus(Map<ConnectionState, Long> counts, ConnectionState state, long more) {
    return counts.getOrDefault(state, 0L) + more;
  }

  private AccountId connect(ConnectionState state, Instant at) {
    AccountId account = newAccount();
    connections.save(
        new Connection(
            account,
            new Workspace(new WorkspaceId("ws-" + account.value()), "Census", Region.US),
            new AccessToken("census-" + account.value()),
            state,
            "ada",
            at,
            new HistoryCoverage.NotYet(),
            Optional.empty()));
    return account;
  }

  private void run(
      AccountId account, SyncKind kind, Instant started, RunState state, Instant finished) {
    String id = runs.start(account, kind, started, "census-it");
    runs.finish(
        id,
        state == COMPLETED
            ? new SyncOutcome.Completed(RunCounts.NONE)
            : new SyncOutcome.Failed("Intercom answered 503", RunCounts.NONE),
        finished);
  }
}
