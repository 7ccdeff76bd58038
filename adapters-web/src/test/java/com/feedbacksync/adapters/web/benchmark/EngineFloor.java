package com.feedbacksync.adapters.web.benchmark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.adapters.intercom.IntercomSettings;
import com.feedbacksync.adapters.intercom.JdkIntercom;
import com.feedbacksync.application.fakes.InMemoryAccounts;
import com.feedbacksync.application.fakes.InMemoryConnections;
import com.feedbacksync.application.fakes.InMemorySyncRuns;
import com.feedbacksync.application.model.AccessToken;
import com.feedbacksync.application.model.Checkpoint;
import com.feedbacksync.application.model.Connection;
import com.feedbacksync.application.model.ConnectionState;
import com.feedbacksync.application.model.SyncBatch;
import com.feedbacksync.application.model.SyncKind;
import com.feedbacksync.application.model.SyncOutcome;
import com.feedbacksync.application.model.SyncStream;
import com.feedbacksync.application.port.out.SyncStore;
import com.feedbacksync.application.sync.DocumentMappings;
import com.feedbacksync.application.sync.Fetchers;
import com.feedbacksync.application.sync.HistoryParts;
import com.feedbacksync.application.sync.SyncService;
import com.feedbacksync.domain.account.Account;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.account.Plan;
import com.feedbacksync.domain.document.DocumentMapping;
import com.feedbacksync.domain.document.MappingSettings;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.intercom.Region;
import com.feedbacksync.domain.intercom.Workspace;
import com.feedbacksync.domain.intercom.WorkspaceId;
import com.feedbacksync.domain.sync.HistoryCoverage;
import com.feedbacksync.domain.sync.PlanLimits;
import com.feedbacksync.domain.sync.SyncedConversation;
import com.feedbacksync.simulator.IntercomSimulator;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** B3's floor: what a first sync costs when nothing is stored. */
final class EngineFloor {

  private EngineFloor() {}

  /**
   * The floor: the same engine with the same parallelism and the same adapter over the JDK's
   * client, every fetch and parse and mapping, nothing stored.
   */
  static double seconds(IntercomSimulator sim) {
    AccountId id = new AccountId("floor");
    Instant now = Instant.now();
    InMemoryConnections connections = new InMemoryConnections();
    connections.save(
        new Connection(
            id,
            new Workspace(new WorkspaceId(sim.config().appId()), "Floor", Region.US),
            new AccessToken("sim-token"),
            ConnectionState.CONNECTED,
            "bench",
            now,
            new HistoryCoverage.NotYet(),
            Optional.empty()));
    ExecutorService pool = Executors.newCachedThreadPool();
    try {
      SyncService engine =
          new SyncService(
              new InMemoryAccounts().with(new Account(id, "Floor", Plan.PAID)),
              connections,
              JdkIntercom.workspaces(
                  IntercomSettings.forIntercom(
                          "sim-client", "sim-client-secret", URI.create("http://localhost/cb"))
                      .pointedAt(sim.baseUri())),
              new DiscardingStore(),
              PlanLimits.DEFAULT,
              DocumentMappings.always(new DocumentMapping(MappingSettings.DEFAULT)),
              Clock.systemUTC(),
              (conversation, file) -> "/f/" + file,
              new InMemorySyncRuns(),
              new Fetchers(pool, 8),
              HistoryParts.DEFAULT,
              com.feedbacksync.application.sync.DeadLetterBackoff.DEFAULT);
      long start = System.nanoTime();
      SyncOutcome outcome =
          engine.run(
              id,
              SyncKind.FIRST,
              new com.feedbacksync.application.model.LeaseToken(id, "sync", "floor", 1));
      double seconds = (System.nanoTime() - start) / 1e9;
      assertTrue(outcome instanceof SyncOutcome.Completed, outcome.toString());
      return seconds;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Stores nothing: what the floor leaves out. */
  private static final class DiscardingStore implements SyncStore {
    @Override
    public Map<ConversationId, SyncedConversation> synced(
        AccountId account,
        com.feedbacksync.domain.intercom.WorkspaceId workspace,
        Collection<ConversationId> ids) {
      return Map.of();
    }

    @Override
    public java.util.Set<com.feedbacksync.domain.intercom.ContactId> profiled(
        AccountId account,
        com.feedbacksync.domain.intercom.WorkspaceId workspace,
        Collection<com.feedbacksync.domain.intercom.ContactId> contacts,
        java.time.Instant since) {
      return java.util.Set.of();
    }

    @Override
    public Map<String, Long> storedFiles(
        AccountId account,
        com.feedbacksync.domain.intercom.WorkspaceId workspace,
        ConversationId conversation) {
      return Map.of();
    }

    @Override
    public Checkpoint checkpoint(AccountId account, SyncStream stream) {
      return Checkpoint.START;
    }

    @Override
    public List<com.feedbacksync.application.model.SkippedItem> deadLetters(
        AccountId account, com.feedbacksync.domain.intercom.WorkspaceId workspace, int limit) {
      return List.of();
    }

    @Override
    public long maxFileBytes() {
      return Long.MAX_VALUE;
    }

    @Override
    public void commit(AccountId account, SyncBatch batch) {}

    @Override
    public void commit(
        AccountId account, SyncBatch batch, com.feedbacksync.application.model.LeaseToken lease) {}

    @Override
    public void purge(AccountId account) {}

    @Override
    public void startWorkspace(
        AccountId account, com.feedbacksync.domain.intercom.WorkspaceId workspace) {}
  }
}
