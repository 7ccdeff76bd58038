package com.feedbacksync.adapters.web.api;

import com.feedbacksync.application.model.ConnectionView;
import com.feedbacksync.application.model.RunState;
import com.feedbacksync.application.model.SyncRunView;
import com.feedbacksync.application.port.in.ViewIntegrationUseCase;
import com.feedbacksync.domain.intercom.Workspace;
import com.feedbacksync.domain.sync.HistoryCoverage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The wire forms of the integration: its status, its runs, a connect's steps (JSON-B records). */
public final class IntegrationJson {

  private IntegrationJson() {}

  /** Where to send the admin. */
  public record AuthorizeJson(String authorizeUrl) {}

  /** A finished connection. */
  public record ConnectedJson(String state, WorkspaceJson workspace, String firstSyncRun) {}

  /** A started run. */
  public record RunStartedJson(String runId) {}

  /** The connected workspace. */
  public record WorkspaceJson(String id, String name, String region) {
    static WorkspaceJson of(Workspace w) {
      return new WorkspaceJson(w.id().value(), w.name(), w.region().name());
    }
  }

  /** The integration as admins see it. */
  public record StatusJson(
      String state,
      WorkspaceJson workspace,
      String connectedBy,
      Instant connectedAt,
      boolean historyComplete,
      String lastError,
      Instant lastSync,
      Instant nextSync,
      String nextSyncReason,
      ProgressJson progress,
      List<RunJson> runs) {

    static StatusJson of(ViewIntegrationUseCase.IntegrationStatus s, Instant now) {
      ProgressJson progress =
          s.runs().stream()
              .filter(r -> r.state() == RunState.RUNNING)
              .findFirst()
              .map(r -> ProgressJson.of(r, now))
              .orElse(null);
      List<RunJson> runs = s.runs().stream().map(RunJson::of).toList();
      if (s.connection().isEmpty()) {
        return new StatusJson(
            "DISCONNECTED",
            null,
            null,
            null,
            false,
            null,
            s.lastSync().orElse(null),
            null,
            null,
            progress,
            runs);
      }
      ConnectionView c = s.connection().get();
      return new StatusJson(
          c.state().name(),
          WorkspaceJson.of(c.workspace()),
          c.connectedBy(),
          c.connectedAt(),
          c.coverage() instanceof HistoryCoverage.Complete,
          c.lastError().orElse(null),
          s.lastSync().orElse(null),
          s.nextSync().orElse(null),
          s.nextSyncReason().orElse(null),
          progress,
          runs);
    }
  }

  /** A running sync's progress, with a naive ETA from its pace so far. */
  public record ProgressJson(String phase, long done, long total, Long etaSeconds) {
    static ProgressJson of(SyncRunView run, Instant now) {
      Long eta = null;
      if (run.done() > 0 && run.total() >= run.done()) {
        long elapsed = Duration.between(run.startedAt(), now).toSeconds();
        eta = elapsed * (run.total() - run.done()) / run.done();
      }
      return new ProgressJson(run.kind().name(), run.done(), run.total(), eta);
    }
  }

  /** One run. */
  public record RunJson(
      String id,
      String kind,
      String state,
      Instant startedAt,
      Instant finishedAt,
      String server,
      long fetched,
      long kept,
      long skippedWithoutReply,
      long resynced,
      long unchanged,
      long deleted,
      long profiles,
      long apiCalls,
      long rateLimitWaits,
      long unreadable,
      long truncatedByIntercom,
      String error) {
    static RunJson of(SyncRunView r) {
      var c = r.counts();
      return new RunJson(
          r.id(),
          r.kind().name(),
          r.state().name(),
          r.startedAt(),
          r.finishedAt().orElse(null),
          r.runner().isEmpty() ? null : r.runner(),
          c.fetched(),
          c.kept(),
          c.skippedWithoutReply(),
          c.resynced(),
          c.unchanged(),
          c.deleted(),
          c.profiles(),
          c.apiCalls(),
          c.rateLimitWaits(),
          c.unreadable(),
          c.truncatedByIntercom(),
          r.error().orElse(null));
    }
  }
}
