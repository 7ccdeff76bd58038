package com.feedbacksync.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.feedbacksync.application.model.AccessToken;
import com.feedbacksync.application.model.Connection;
import com.feedbacksync.application.model.ConnectionState;
import com.feedbacksync.application.model.RunCounts;
import com.feedbacksync.application.model.SyncKind;
import com.feedbacksync.application.model.SyncOutcome;
import com.feedbacksync.application.port.out.Connections;
import com.feedbacksync.application.port.out.SyncRuns;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.intercom.Region;
import com.feedbacksync.domain.intercom.Workspace;
import com.feedbacksync.domain.intercom.WorkspaceId;
import com.feedbacksync.domain.sync.HistoryCoverage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SyncRuns} promises the scheduler's tick: which accounts may have a run due,
 * read for many accounts at once, agreeing with the hourly and daily schedules and the failing
 * streak. Each case names its own answer; none is derived from the implementation.
 */
public abstract class SyncRunsContract {

  /** Whole seconds: the database keeps microseconds, and the cases compare instants. */
  private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  protected abstract SyncRuns runs();

  protected abstract AccountId newAccount();

  /** The connections the runs' failing streaks start at. */
  protected abstract Connections connections();

  @Test
  void a_failing_streak_starts_at_the_connection_so_another_workspace_starts_without_it() {
    AccountId account = newAccount();
    connections().save(connection(account, "ws-old", ago(300)));
    run(account, SyncKind.HOURLY, ago(240), false);
    run(account, SyncKind.HOURLY, ago(180), false);
    run(account, SyncKind.HOURLY, ago(120), false);
    assertEquals(3, runs().failing(account).orElseThrow().failures());

    connections().save(connection(account, "ws-new", ago(60)));
    assertEquals(Optional.empty(), runs().failing(account), "the old workspace's failures");
    run(account, SyncKind.FIRST, ago(30), false);
    assertEquals(1, runs().failing(account).orElseThrow().failures());
    assertEquals(
        Set.of(account),
        runs().mayBeDue(List.of(account), now.minus(Duration.ofHours(1)), now.minusSeconds(86_400)),
        "a failing account may be due");
  }

  private static Connection connection(AccountId account, String workspace, Instant at) {
    return new Connection(
        account,
        new Workspace(new WorkspaceId(workspace), "Workspace " + workspace, Region.US),
        new AccessToken("contract-token-" + workspace),
        ConnectionState.CONNECTED,
        "ada",
        at,
        new HistoryCoverage.NotYet(),
        Optional.empty());
  }

  @Test
  void the_accounts_that_may_be_due_are_those_whose_schedule_or_streak_says_so() {
    Map<String, Boolean> expected = new LinkedHashMap<>();
    Map<String, AccountId> accounts = new LinkedHashMap<>();
    // Both schedules fresh: the hourly run 10 minutes ago, the customers run 2 hours ago.
    accounts.put("fresh", fresh());
    expected.put("fresh", false);
    accounts.put("never synced", newAccount());
    expected.put("never synced", true);
    AccountId hourlyOld = newAccount();
    run(hourlyOld, SyncKind.HOURLY, ago(61), true);
    run(hourlyOld, SyncKind.CUSTOMERS, ago(120), true);
    accounts.put("hourly 61 minutes ago", hourlyOld);
    expected.put("hourly 61 minutes ago", true);
    AccountId customersOld = newAccount();
    run(customersOld, SyncKind.HOURLY, ago(10), true);
    run(customersOld, SyncKind.CUSTOMERS, ago(25 * 60), true);
    accounts.put("customers 25 hours ago", customersOld);
    expected.put("customers 25 hours ago", true);
    AccountId failed = fresh();
    run(failed, SyncKind.HOURLY, ago(5), false);
    accounts.put("latest run failed", failed);
    expected.put("latest run failed", true);
    AccountId recovered = fresh();
    run(recovered, SyncKind.HOURLY, ago(8), false);
    run(recovered, SyncKind.HOURLY, ago(4), true);
    accounts.put("failed, then completed", recovered);
    expected.put("failed, then completed", false);
    AccountId webhookFailed = fresh();
    run(webhookFailed, SyncKind.WEBHOOK, ago(3), false);
    accounts.put("only a webhook re-sync failed", webhookFailed);
    expected.put("only a webhook re-sync failed", false);
    AccountId running = newAccount();
    runs().start(running, SyncKind.HOURLY, ago(10), "server-1");
    run(running, SyncKind.CUSTOMERS, ago(120), true);
    accounts.put("hourly still running", running);
    expected.put("hourly still running", false);
    AccountId firstFailed = newAccount();
    run(firstFailed, SyncKind.FIRST, ago(30), false);
    run(firstFailed, SyncKind.HOURLY, ago(10), true);
    run(firstFailed, SyncKind.CUSTOMERS, ago(120), true);
    accounts.put("an older first sync failed", firstFailed);
    expected.put("an older first sync failed", false);

    Set<AccountId> may =
        runs()
            .mayBeDue(
                accounts.values(), now.minus(Duration.ofHours(1)), now.minus(Duration.ofDays(1)));

    Map<String, Boolean> got = new TreeMap<>();
    accounts.forEach((name, account) -> got.put(name, may.contains(account)));
    assertEquals(new TreeMap<>(expected), got);
  }

  @Test
  void only_the_accounts_asked_about_are_answered() {
    AccountId asked = newAccount();
    AccountId other = newAccount();
    assertEquals(
        Set.of(asked),
        runs().mayBeDue(List.of(asked), now.minus(Duration.ofHours(1)), now.minusSeconds(86_400)));
    assertEquals(
        Set.of(),
        runs().mayBeDue(List.of(), now.minus(Duration.ofHours(1)), now.minusSeconds(86_400)));
    assertEquals(Optional.empty(), runs().lastStarted(other, SyncKind.HOURLY));
  }

  private AccountId fresh() {
    AccountId account = newAccount();
    run(account, SyncKind.HOURLY, ago(10), true);
    run(account, SyncKind.CUSTOMERS, ago(120), true);
    return account;
  }

  private Instant ago(long minutes) {
    return now.minus(Duration.ofMinutes(minutes));
  }

  private void run(AccountId account, SyncKind kind, Instant startedAt, boolean completed) {
    String id = runs().start(account, kind, startedAt, "server-1");
    runs()
        .finish(
            id,
            completed
                ? new SyncOutcome.Completed(RunCounts.NONE)
                : new SyncOutcome.Failed("Intercom answered 503", RunCounts.NONE),
            startedAt.plusSeconds(30));
  }
}
