package com.feedbacksync.application.sync;

import com.feedbacksync.application.fakes.FollowingClock;
import com.feedbacksync.application.fakes.InMemorySyncRuns;
import com.feedbacksync.application.model.AccessToken;
import com.feedbacksync.application.model.Connection;
import com.feedbacksync.application.model.ConnectionState;
import com.feedbacksync.application.port.out.Accounts;
import com.feedbacksync.application.port.out.Connections;
import com.feedbacksync.application.port.out.IntercomWorkspaces;
import com.feedbacksync.application.port.out.SyncRuns;
import com.feedbacksync.application.port.out.SyncStore;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.document.DocumentMapping;
import com.feedbacksync.domain.document.MappingSettings;
import com.feedbacksync.domain.intercom.Workspace;
import com.feedbacksync.domain.sync.HistoryCoverage;
import com.feedbacksync.domain.sync.PlanLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The engine over fakes, as the engine tests build it: each test names what it varies (limits,
 * fetchers, runs, dead-letter backoff) and takes the defaults for the rest, among them a part at
 * every 8 rows whatever the time.
 */
final class EngineUnderTest {

  private final Accounts accounts;
  private final Connections connections;
  private final IntercomWorkspaces intercom;
  private final SyncStore store;
  private final Supplier<Instant> now;
  private PlanLimits limits = new PlanLimits(5_000);
  private SyncRuns runs = new InMemorySyncRuns();
  private Fetchers fetchers = Fetchers.ONE;
  private DeadLetterBackoff deadLetters = DeadLetterBackoff.DEFAULT;

  private EngineUnderTest(
      Accounts accounts,
      Connections connections,
      IntercomWorkspaces intercom,
      SyncStore store,
      Supplier<Instant> now) {
    this.accounts = accounts;
    this.connections = connections;
    this.intercom = intercom;
    this.store = store;
    this.now = now;
  }

  static EngineUnderTest over(
      Accounts accounts,
      Connections connections,
      IntercomWorkspaces intercom,
      SyncStore store,
      Supplier<Instant> now) {
    return new EngineUnderTest(accounts, connections, intercom, store, now);
  }

  /** The account connected to the workspace at that moment by "ada", its history not synced yet. */
  static Connection connected(AccountId account, Workspace workspace, Instant at) {
    return new Connection(
        account,
        workspace,
        new AccessToken("t"),
        ConnectionState.CONNECTED,
        "ada",
        at,
        new HistoryCoverage.NotYet(),
        Optional.empty());
  }

  EngineUnderTest limits(PlanLimits value) {
    limits = value;
    return this;
  }

  EngineUnderTest runs(SyncRuns value) {
    runs = value;
    return this;
  }

  EngineUnderTest fetchers(Fetchers value) {
    fetchers = value;
    return this;
  }

  EngineUnderTest deadLetters(DeadLetterBackoff value) {
    deadLetters = value;
    return this;
  }

  SyncService build() {
    return new SyncService(
        accounts,
        connections,
        intercom,
        store,
        limits,
        DocumentMappings.always(new DocumentMapping(MappingSettings.DEFAULT)),
        new FollowingClock(now),
        (conversation, file) -> "/files/" + conversation.value() + "/" + file,
        runs,
        fetchers,
        new HistoryParts(8, 8, Duration.ZERO),
        deadLetters);
  }
}
