package com.feedbacksync.application.sync;

import com.feedbacksync.application.model.Checkpoint;
import com.feedbacksync.application.model.Connection;
import com.feedbacksync.application.model.LeaseToken;
import com.feedbacksync.application.model.RunCounts;
import com.feedbacksync.application.model.SkippedItem;
import com.feedbacksync.application.model.SyncBatch;
import com.feedbacksync.application.model.SyncStream;
import com.feedbacksync.application.port.out.Connections;
import com.feedbacksync.application.port.out.IntercomWorkspace;
import com.feedbacksync.application.port.out.SyncRuns;
import com.feedbacksync.application.port.out.SyncStore;
import com.feedbacksync.domain.account.Account;
import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.sync.HistoryCoverage;
import com.feedbacksync.domain.sync.SyncedConversation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One run's context: the account, its connection and open workspace, the store it commits to, what
 * it committed so far and how far it got. Walks read and commit through it; it makes no Intercom
 * call of its own.
 */
final class SyncRun {

  /** Progress is for people, and each report is a transaction: at most one a second per part. */
  private static final Duration REPORT_EVERY = Duration.ofSeconds(1);

  private final Account account;
  private final IntercomWorkspace workspace;
  private final SyncStore store;
  private final SyncRuns runs;
  private final Connections connections;
  private final Clock clock;
  private final IntercomWorkspace.CallCounts callsAtStart;
  private final Connection connection;
  private final LeaseToken lease;
  private final Instant startedAt;
  private RunCounts committed = RunCounts.NONE;
  private long done;
  private Instant reported = Instant.EPOCH;
  private final ItemReads reads = new ItemReads();

  SyncRun(
      Account account,
      Connection connection,
      LeaseToken lease,
      IntercomWorkspace workspace,
      SyncStore store,
      SyncRuns runs,
      Connections connections,
      Clock clock) {
    this.account = account;
    this.connection = connection;
    this.lease = lease;
    this.workspace = workspace;
    this.store = store;
    this.runs = runs;
    this.connections = connections;
    this.clock = clock;
    this.callsAtStart = workspace.callCounts();
    this.startedAt = clock.instant();
  }

  /** When this run began: what it set aside itself is not tried again by it. */
  Instant startedAt() {
    return startedAt;
  }

  Account account() {
    return account;
  }

  Connection connection() {
    return connection;
  }

  IntercomWorkspace workspace() {
    return workspace;
  }

  /** How this run reads one item: set aside when it alone fails, stopping when Intercom does. */
  ItemReads reads() {
    return reads;
  }

  Instant now() {
    return clock.instant();
  }

  Checkpoint checkpoint(SyncStream stream) {
    return store.checkpoint(account.id(), stream);
  }

  /** What the store holds of these conversations, for change detection. */
  Map<ConversationId, SyncedConversation> synced(List<ConversationId> ids) {
    return store.synced(account.id(), connection.workspace().id(), ids);
  }

  /** Whether this account's store wrote the customer's profile since then (or its tombstone). */
  boolean hasProfile(ContactId customer, Instant since) {
    return !profiled(List.of(customer), since).isEmpty();
  }

  /** Those of these customers whose profiles this account's store wrote since then. */
  Set<ContactId> profiled(Collection<ContactId> customers, Instant since) {
    return store.profiled(account.id(), connection.workspace().id(), customers, since);
  }

  /**
   * Stores a batch and the checkpoint after it in one transaction, and counts it; the store writes
   * it only while this run's connection stands and its lease holds.
   */
  void commit(SyncBatch batch) {
    try {
      store.commit(account.id(), batch.guardedBy(connection.identity()), lease);
    } finally {
      // Stored or not, the spooled downloads are done with: a failed commit fails its run, and
      // the next run downloads again (Intercom's links expire anyway).
      batch.files().forEach(f -> f.content().discard());
    }
    committed = committed.plus(batch.counts());
  }

  /** The dead letters of this run's workspace, longest waiting first. */
  List<SkippedItem> deadLetters(int limit) {
    return store.deadLetters(account.id(), connection.workspace().id(), limit);
  }

  /**
   * The history walk reached the end its plan allows: the connection records how far, unless it is
   * no longer the one this run started with (then the run is cancelled).
   */
  void covered(HistoryCoverage coverage) {
    if (!connections.recordCoverage(connection.identity(), coverage)) {
      throw new SyncStore.ConnectionGone();
    }
  }

  /** Reports after a page's commit: items handled so far of the listing's total, up to a cap. */
  void progressed(long handled, Optional<Integer> total, long cap) {
    progressed(handled, total, cap, true);
  }

  /** Reports after a part's commit, unless the last report is under a second old. */
  void progressedInPage(long handled, Optional<Integer> total, long cap) {
    progressed(handled, total, cap, false);
  }

  private void progressed(long handled, Optional<Integer> total, long cap, boolean always) {
    done += handled;
    Instant now = clock.instant();
    if (!always && Duration.between(reported, now).compareTo(REPORT_EVERY) < 0) {
      return;
    }
    reported = now;
    // A capped walk handles what it keeps up to the cap plus every conversation it judged and
    // skipped on the way (listings are not filtered on Intercom's reply statistics).
    long reach = cap == Long.MAX_VALUE ? cap : cap + committed.skippedWithoutReply();
    long of = Math.min(total.map(Integer::longValue).orElse(done), reach);
    runs.progress(account.id(), done, Math.max(of, done));
  }

  /** What the run committed, with the Intercom calls it made so far. */
  RunCounts totals() {
    IntercomWorkspace.CallCounts now = workspace.callCounts();
    return committed.plus(
        RunCounts.calls(
            now.calls() - callsAtStart.calls(),
            now.rateLimitWaits() - callsAtStart.rateLimitWaits()));
  }
}
