package com.feedbacksync.application.sync;

import com.feedbacksync.application.model.Checkpoint;
import com.feedbacksync.application.model.Connection;
import com.feedbacksync.application.model.ConnectionState;
import com.feedbacksync.application.model.ConversationFetch;
import com.feedbacksync.application.model.DeletedConversation;
import com.feedbacksync.application.model.Download;
import com.feedbacksync.application.model.Page;
import com.feedbacksync.application.model.PageCursor;
import com.feedbacksync.application.model.RunCounts;
import com.feedbacksync.application.model.StoredFile;
import com.feedbacksync.application.model.SyncBatch;
import com.feedbacksync.application.model.SyncKind;
import com.feedbacksync.application.model.SyncOutcome;
import com.feedbacksync.application.model.SyncStream;
import com.feedbacksync.application.model.TimeWindow;
import com.feedbacksync.application.port.in.SyncIntercomUseCase;
import com.feedbacksync.application.port.out.Accounts;
import com.feedbacksync.application.port.out.Connections;
import com.feedbacksync.application.port.out.IntercomFailure;
import com.feedbacksync.application.port.out.IntercomWorkspace;
import com.feedbacksync.application.port.out.IntercomWorkspaces;
import com.feedbacksync.application.port.out.SyncRuns;
import com.feedbacksync.application.port.out.SyncStore;
import com.feedbacksync.domain.account.Account;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.account.Plan;
import com.feedbacksync.domain.document.DocumentMapping;
import com.feedbacksync.domain.document.DocumentMessage;
import com.feedbacksync.domain.document.FeedbackDocument;
import com.feedbacksync.domain.intercom.Attachment;
import com.feedbacksync.domain.intercom.Contact;
import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.Conversation;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.intercom.ConversationListing;
import com.feedbacksync.domain.intercom.Html;
import com.feedbacksync.domain.intercom.WorkspaceId;
import com.feedbacksync.domain.profile.CustomerProfile;
import com.feedbacksync.domain.profile.ProfileMapping;
import com.feedbacksync.domain.sync.ChangeDecision;
import com.feedbacksync.domain.sync.ChangeTriggers;
import com.feedbacksync.domain.sync.HistoryCoverage;
import com.feedbacksync.domain.sync.HistoryPosition;
import com.feedbacksync.domain.sync.PlanLimits;
import com.feedbacksync.domain.sync.ReplyRequiredFilter;
import com.feedbacksync.domain.sync.SyncedConversation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Syncs one account's Intercom workspace, a page at a time: what a page (or, in a history walk, a
 * part of it) brings is committed together with the checkpoint after it, so a run that stops
 * anywhere resumes from its last commit. A revoked token stops this account only and marks it for
 * reconnection.
 */
public final class SyncService implements SyncIntercomUseCase {

  /**
   * Windows overlap by this much, so a conversation updated while the last window closed is never
   * missed; the overlap costs nothing since unchanged conversations are not fetched.
   */
  static final Duration WINDOW_OVERLAP = Duration.ofMinutes(5);

  /**
   * How far the fetchers may run ahead of what the walk took: one conversation per fetcher keeps
   * them busy (the walk takes as fast as they fetch, but for its commits), and what a crash loses
   * of fetched conversations stays that small.
   */
  static final int HISTORY_LOOKAHEAD = 8;

  private final Accounts accounts;
  private final Connections connections;
  private final IntercomWorkspaces intercom;
  private final SyncStore store;
  private final PlanLimits limits;
  private final DocumentMapping mapping;
  private final Clock clock;
  private final FileLinks links;
  private final SyncRuns runs;
  private final Fetchers fetchers;
  private final HistoryParts parts;
  private final ReplyRequiredFilter filter = new ReplyRequiredFilter();

  /** Where the service serves a document's stored file: the web adapter's knowledge, passed in. */
  @FunctionalInterface
  public interface FileLinks {
    String link(ConversationId conversation, String fileId);
  }

  /**
   * @param fetchers how many conversations and profiles of a page are fetched at once; the database
   *     work stays on the run's thread
   * @param parts how a history walk cuts a page into committed parts
   */
  public SyncService(
      Accounts accounts,
      Connections connections,
      IntercomWorkspaces intercom,
      SyncStore store,
      PlanLimits limits,
      DocumentMapping mapping,
      Clock clock,
      FileLinks links,
      SyncRuns runs,
      Fetchers fetchers,
      HistoryParts parts) {
    this.parts = Objects.requireNonNull(parts);
    this.fetchers = Objects.requireNonNull(fetchers);
    this.accounts = Objects.requireNonNull(accounts);
    this.connections = Objects.requireNonNull(connections);
    this.intercom = Objects.requireNonNull(intercom);
    this.store = Objects.requireNonNull(store);
    this.limits = Objects.requireNonNull(limits);
    this.mapping = Objects.requireNonNull(mapping);
    this.clock = Objects.requireNonNull(clock);
    this.links = Objects.requireNonNull(links);
    this.runs = Objects.requireNonNull(runs);
  }

  @Override
  public SyncOutcome run(AccountId accountId, SyncKind kind) {
    Optional<Connection> found = connections.find(accountId);
    if (found.isEmpty() || found.get().state() != ConnectionState.CONNECTED) {
      return new SyncOutcome.Skipped(
          found.isEmpty()
              ? "Intercom is not connected."
              : "The Intercom connection is " + found.get().state() + ".");
    }
    if ((kind == SyncKind.HOURLY || kind == SyncKind.CUSTOMERS)
        && found.get().coverage() instanceof HistoryCoverage.NotYet) {
      return new SyncOutcome.Skipped("The first sync has not finished.");
    }
    return execute(
        found.get(),
        run -> {
          switch (kind) {
            case FIRST -> run.history();
            case HOURLY -> run.hourly();
            case BACKFILL -> run.backfill();
            case CUSTOMERS -> run.customers();
          }
        });
  }

  @Override
  public SyncOutcome resyncConversation(WorkspaceId workspace, ConversationId conversation) {
    SyncOutcome outcome = new SyncOutcome.Skipped("No account is connected to this workspace.");
    for (Connection connection : connections.ofWorkspace(workspace)) {
      if (connection.state() == ConnectionState.CONNECTED) {
        outcome = execute(connection, run -> run.one(conversation));
      }
    }
    return outcome;
  }

  @Override
  public SyncOutcome resyncContact(WorkspaceId workspace, ContactId contact) {
    SyncOutcome outcome = new SyncOutcome.Skipped("No account is connected to this workspace.");
    for (Connection connection : connections.ofWorkspace(workspace)) {
      if (connection.state() == ConnectionState.CONNECTED) {
        outcome = execute(connection, run -> run.customer(contact));
      }
    }
    return outcome;
  }

  private SyncOutcome execute(Connection connection, java.util.function.Consumer<Run> work) {
    Optional<Account> account = accounts.find(connection.account());
    if (account.isEmpty()) {
      return new SyncOutcome.Skipped("No such account.");
    }
    Run run = new Run(account.get(), connection, intercom.open(connection.access()));
    try {
      work.accept(run);
      return new SyncOutcome.Completed(run.totals());
    } catch (IntercomFailure.AuthorizationRevoked e) {
      connections.save(
          run.connection.withState(ConnectionState.NEEDS_REAUTH, Optional.of(e.getMessage())));
      return new SyncOutcome.NeedsReauth(run.totals());
    } catch (IntercomFailure e) {
      connections.save(
          run.connection.withState(ConnectionState.CONNECTED, Optional.of(e.getMessage())));
      return new SyncOutcome.Failed(e.getMessage(), run.totals());
    }
  }

  /** A file's id: the same file (its place on the CDN, without the expiring signature) keeps it. */
  static String fileId(String url) {
    String stable = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
    try {
      byte[] hash =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(stable.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(hash, 0, 12);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static HistoryPosition position(ConversationListing listing) {
    return new HistoryPosition(listing.createdAt(), listing.id());
  }

  /**
   * Whether a resumed page's listing was handled before the crash: it is newer than where the walk
   * got, or is that one. Intercom promises no order within one second, so the others of that second
   * are handled again (at worst a retrieve more, never one less).
   */
  private static boolean handled(ConversationListing listing, HistoryPosition handledTo) {
    return listing.createdAt().isAfter(handledTo.createdAt())
        || listing.id().equals(handledTo.id());
  }

  /** A history conversation as its fetcher hands it over. */
  private record Fetched(
      Optional<SyncBatch.StoredDocument> document,
      List<StoredFile> files,
      Optional<CustomerProfile> author,
      Optional<ContactId> goneAuthor) {}

  /** One run's state: the account, its workspace, and what it did so far. */
  private final class Run {
    private final Account account;
    private Connection connection;
    private final IntercomWorkspace workspace;
    private final IntercomWorkspace.CallCounts callsAtStart;

    /** Customers whose profile this run fetched or is fetching (fetchers' threads add to it). */
    private final Set<ContactId> profiled = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** The files of the part being committed (fetchers' threads add to it). */
    private final List<StoredFile> files =
        java.util.Collections.synchronizedList(new ArrayList<>());

    private final List<ContactId> goneContacts = new ArrayList<>();
    private long done;

    /** When progress was last written. */
    private Instant reported = Instant.EPOCH;

    /** Reports after each committed page: items handled so far of the listing's total. */
    private void progressed(int handled, Optional<Integer> total, long cap) {
      progressed(handled, total, cap, true);
    }

    /**
     * Reports after a commit; a part's report ({@code always} false) is skipped when the last one
     * is under a second old: progress is for people, and each report is a transaction.
     */
    private void progressed(int handled, Optional<Integer> total, long cap, boolean always) {
      done += handled;
      Instant now = clock.instant();
      if (!always && Duration.between(reported, now).compareTo(Duration.ofSeconds(1)) < 0) {
        return;
      }
      reported = now;
      long of = Math.min(total.map(Integer::longValue).orElse(done), cap);
      runs.progress(account.id(), done, Math.max(of, done));
    }

    private RunCounts counts = RunCounts.NONE;

    Run(Account account, Connection connection, IntercomWorkspace workspace) {
      this.account = account;
      this.connection = connection;
      this.workspace = workspace;
      this.callsAtStart = workspace.callCounts();
    }

    RunCounts totals() {
      IntercomWorkspace.CallCounts now = workspace.callCounts();
      return new RunCounts(
          counts.fetched(),
          counts.kept(),
          counts.skippedWithoutReply(),
          counts.resynced(),
          counts.unchanged(),
          counts.deleted(),
          counts.profiles(),
          now.calls() - callsAtStart.calls(),
          now.rateLimitWaits() - callsAtStart.rateLimitWaits());
    }

    /** The first sync: history newest first, as far as the plan allows. */
    void history() {
      walkHistory(SyncStream.HISTORY, Optional.empty());
    }

    /** After an upgrade: the history older than what the first sync took. */
    void backfill() {
      if (!(connection.coverage() instanceof HistoryCoverage.DownTo downTo)) {
        return;
      }
      walkHistory(SyncStream.BACKFILL, Optional.of(downTo.oldestTaken()));
    }

    private void walkHistory(SyncStream stream, Optional<HistoryPosition> olderThan) {
      Checkpoint cp = store.checkpoint(account.id(), stream);
      if (cp.done()) {
        return;
      }
      Plan plan = stream == SyncStream.BACKFILL ? Plan.PAID : account.plan();
      int taken = cp.taken();
      Optional<HistoryPosition> oldest = cp.oldestTaken();
      Optional<PageCursor> cursor = cp.cursor();
      Optional<HistoryPosition> resumeAfter = cp.handledTo();
      // Only a walk that resumes can find profiles it stored itself before a crash.
      boolean resumed = cursor.isPresent() || resumeAfter.isPresent();
      boolean full = limits.historyFull(plan, taken);
      while (!full) {
        Optional<PageCursor> pageCursor = cursor;
        Page<ConversationListing> page =
            workspace.conversationsNewestFirst(
                olderThan.map(HistoryPosition::createdAt), pageCursor);
        Optional<HistoryPosition> handledBefore = resumeAfter;
        List<ConversationListing> candidates =
            page.items().stream()
                .filter(
                    l ->
                        olderThan.isEmpty()
                            || position(l)
                                .isOlderThan(olderThan.get())) // the boundary second's, taken
                .filter(l -> handledBefore.isEmpty() || !handled(l, handledBefore.get()))
                .toList();
        resumeAfter = Optional.empty();
        // Committed every few conversations with how far into the page the walk got, so a crash
        // costs at most the part not yet committed and the few fetched ahead of it.
        List<SyncBatch.StoredDocument> documents = new ArrayList<>();
        List<CustomerProfile> profiles = new ArrayList<>();
        RunCounts partCounts = RunCounts.NONE;
        Optional<HistoryPosition> handledTo = handledBefore;
        int judged = 0;
        Instant lastCommit = clock.instant();
        while (judged < candidates.size() && !full) {
          // Fetched ahead, judged in order: never more at once than the plan still admits, so a
          // Start plan's limit costs no retrieve it does not keep.
          int room = admitted(candidates, judged, plan, taken);
          if (room == 0) {
            full = true;
            break;
          }
          List<ConversationListing> admitted = candidates.subList(judged, judged + room);
          try (Fetchers.Fetching<Fetched> fetching =
              fetchers.each(admitted, l -> fetchWithAuthor(l.id(), resumed), HISTORY_LOOKAHEAD)) {
            for (int i = 0; i < admitted.size() && !full; i++) {
              HistoryPosition position = position(admitted.get(i));
              if (!limits.admits(plan, connection.connectedAt(), position, taken)) {
                full = true;
                break;
              }
              Fetched fetched = fetching.get(i);
              judged++;
              handledTo = Optional.of(position);
              partCounts =
                  partCounts.plus(fetched.document().isPresent() ? count(1, 1, 0) : count(1, 0, 1));
              files.addAll(fetched.files());
              fetched.author().ifPresent(profiles::add);
              fetched.goneAuthor().ifPresent(goneContacts::add);
              if (fetched.document().isPresent()) {
                documents.add(fetched.document().get());
                if (position.createdAt().isBefore(connection.connectedAt())) {
                  taken++;
                }
                oldest = Optional.of(position);
              }
              full = limits.historyFull(plan, taken);
              if (parts.due(
                      documents.size() + profiles.size(),
                      Duration.between(lastCommit, clock.instant()))
                  && judged < candidates.size()
                  && !full) {
                commit(
                    stream,
                    documents,
                    List.of(),
                    profiles,
                    Checkpoint.history(pageCursor, cp.watermark(), taken, oldest, false, handledTo),
                    partCounts);
                progressed((int) partCounts.fetched(), page.total(), cap(plan), false);
                documents = new ArrayList<>();
                profiles = new ArrayList<>();
                partCounts = RunCounts.NONE;
                lastCommit = clock.instant();
              }
            }
          }
        }
        full = full || limits.historyFull(plan, taken);
        boolean done = full || page.isLast();
        commit(
            stream,
            documents,
            List.of(),
            profiles,
            Checkpoint.history(
                done ? Optional.empty() : page.next(),
                cp.watermark(),
                taken,
                oldest,
                done,
                Optional.empty()),
            partCounts);
        progressed((int) partCounts.fetched(), page.total(), cap(plan));
        cursor = page.next();
        if (done) {
          break;
        }
      }
      HistoryCoverage coverage =
          full
              ? oldest
                  .<HistoryCoverage>map(HistoryCoverage.DownTo::new)
                  .orElseGet(HistoryCoverage.Complete::new)
              : new HistoryCoverage.Complete();
      connection =
          connection.withCoverage(coverage).withState(ConnectionState.CONNECTED, Optional.empty());
      connections.save(connection);
    }

    private long cap(Plan plan) {
      return plan == Plan.START ? limits.startPlanHistoryLimit() : Long.MAX_VALUE;
    }

    /**
     * How many candidates from here may be fetched: as many as the plan still admits (at least one
     * when the next is admitted anyway, being newer than the connection); none when the plan admits
     * no more.
     */
    private int admitted(
        List<ConversationListing> candidates, int from, Plan plan, int takenSoFar) {
      int room = (int) Math.min(candidates.size() - from, limits.remaining(plan, takenSoFar));
      if (room == 0
          && !limits.admits(
              plan, connection.connectedAt(), position(candidates.get(from)), takenSoFar)) {
        return 0;
      }
      return Math.max(1, room);
    }

    /**
     * A history conversation with what it brings: its downloaded files, and its author's profile
     * the first time this run meets the author (unless the walk resumes and stored it before).
     */
    private Fetched fetchWithAuthor(ConversationId id, boolean resumed) {
      List<StoredFile> own = new ArrayList<>();
      ConversationFetch fetch = workspace.conversation(id);
      Optional<SyncBatch.StoredDocument> kept =
          fetch instanceof ConversationFetch.Found found
              ? keep(found.conversation(), own)
              : Optional.empty();
      Optional<ContactId> author = kept.flatMap(d -> d.document().customer()).filter(profiled::add);
      if (author.isEmpty()
          || resumed && !store.profiled(account.id(), List.of(author.get())).isEmpty()) {
        return new Fetched(kept, own, Optional.empty(), Optional.empty());
      }
      Optional<CustomerProfile> profile = workspace.contact(author.get()).map(this::profile);
      return new Fetched(kept, own, profile, profile.isEmpty() ? author : Optional.empty());
    }

    /** Conversations updated since the last run, fetched only when a listing says they changed. */
    void hourly() {
      Checkpoint cp = store.checkpoint(account.id(), SyncStream.CONVERSATIONS);
      Instant watermark = cp.watermark().orElse(connection.connectedAt());
      Instant windowEnd = cp.windowEnd().orElse(clock.instant());
      if (watermark.minus(WINDOW_OVERLAP).isAfter(windowEnd)) {
        // A watermark ahead of this server's clock (another server's runs ahead, or it was set
        // forward): nothing can be newer than it yet, and an inverted window is no window at all.
        return;
      }
      TimeWindow window = new TimeWindow(watermark.minus(WINDOW_OVERLAP), windowEnd);
      Optional<PageCursor> cursor = cp.cursor();
      while (true) {
        Page<ConversationListing> page = workspace.conversationsUpdated(window, cursor);
        Map<ConversationId, SyncedConversation> stored =
            store.synced(account.id(), page.items().stream().map(ConversationListing::id).toList());
        List<SyncBatch.StoredDocument> documents = new ArrayList<>();
        List<ConversationId> deletions = new ArrayList<>();
        RunCounts pageCounts = RunCounts.NONE;
        List<ConversationListing> changed = new ArrayList<>();
        List<ChangeDecision> decisions = new ArrayList<>();
        for (ConversationListing listing : page.items()) {
          ChangeDecision decision =
              ChangeTriggers.decide(Optional.ofNullable(stored.get(listing.id())), listing);
          if (decision.fetch()) {
            changed.add(listing);
            decisions.add(decision);
          } else {
            pageCounts = pageCounts.plus(new RunCounts(0, 0, 0, 0, 1, 0, 0, 0, 0));
          }
        }
        List<ConversationFetch> fetches =
            fetchers.map(changed, l -> workspace.conversation(l.id()));
        for (int i = 0; i < changed.size(); i++) {
          ConversationListing listing = changed.get(i);
          ChangeDecision decision = decisions.get(i);
          ConversationFetch fetch = fetches.get(i);
          if (fetch instanceof ConversationFetch.Deleted) {
            deletions.add(listing.id());
            pageCounts = pageCounts.plus(new RunCounts(1, 0, 0, 0, 0, 1, 0, 0, 0));
            continue;
          }
          Optional<SyncBatch.StoredDocument> kept =
              keep(((ConversationFetch.Found) fetch).conversation());
          boolean resync = decision instanceof ChangeDecision.Resync;
          pageCounts =
              pageCounts.plus(
                  kept.isEmpty()
                      ? count(1, 0, 1)
                      : resync ? new RunCounts(1, 0, 0, 1, 0, 0, 0, 0, 0) : count(1, 1, 0));
          kept.ifPresent(documents::add);
        }
        cursor = page.next();
        boolean last = page.isLast();
        Checkpoint next =
            last
                ? Checkpoint.windowed(Optional.empty(), Optional.of(windowEnd), Optional.empty())
                : Checkpoint.windowed(cursor, Optional.of(watermark), Optional.of(windowEnd));
        commit(SyncStream.CONVERSATIONS, documents, deletions, next, pageCounts);
        progressed(page.items().size(), page.total(), Long.MAX_VALUE);
        if (last) {
          break;
        }
      }
      deletions();
    }

    /**
     * One conversation, now (a webhook said it changed). Its checkpoint-free stream leaves the
     * hourly walk where it was; a stale copy cannot overwrite what the walk stored later.
     */
    void one(ConversationId id) {
      ConversationFetch fetch = workspace.conversation(id);
      if (fetch instanceof ConversationFetch.Deleted) {
        boolean known = !store.synced(account.id(), List.of(id)).isEmpty();
        commit(
            SyncStream.WEBHOOKS,
            List.of(),
            known ? List.of(id) : List.of(),
            Checkpoint.START,
            new RunCounts(1, 0, 0, 0, 0, known ? 1 : 0, 0, 0, 0));
        return;
      }
      Optional<SyncBatch.StoredDocument> kept =
          keep(((ConversationFetch.Found) fetch).conversation());
      commit(
          SyncStream.WEBHOOKS,
          kept.map(List::of).orElse(List.of()),
          List.of(),
          Checkpoint.START,
          kept.isPresent() ? new RunCounts(1, 0, 0, 1, 0, 0, 0, 0, 0) : count(1, 0, 1));
    }

    /**
     * One customer, now (a webhook said it changed or was deleted): its profile again, or its
     * tombstone when Intercom no longer has it.
     */
    void customer(ContactId id) {
      List<CustomerProfile> profiles = new ArrayList<>();
      workspace
          .contact(id)
          .ifPresentOrElse(contact -> profiles.add(profile(contact)), () -> goneContacts.add(id));
      commit(
          SyncStream.WEBHOOKS,
          List.of(),
          List.of(),
          profiles,
          Checkpoint.START,
          RunCounts.NONE); // the commit counts the profile
    }

    /** Deletions Intercom reports: tombstones, never silent. */
    private void deletions() {
      Checkpoint cp = store.checkpoint(account.id(), SyncStream.DELETIONS);
      Optional<PageCursor> cursor = cp.cursor();
      while (true) {
        Page<DeletedConversation> page = workspace.deletedConversations(cursor);
        List<ConversationId> ids = page.items().stream().map(DeletedConversation::id).toList();
        Set<ConversationId> known = store.synced(account.id(), ids).keySet();
        List<ConversationId> tombstones = ids.stream().filter(known::contains).toList();
        // The list only grows: keep the cursor of the last full page and read on from it next time.
        Optional<PageCursor> next = page.isLast() ? cursor : page.next();
        commit(
            SyncStream.DELETIONS,
            List.of(),
            tombstones,
            cp.withCursor(next),
            new RunCounts(0, 0, 0, 0, 0, tombstones.size(), 0, 0, 0));
        if (page.isLast()) {
          break;
        }
        cursor = next;
      }
    }

    /** Contacts and companies updated since the last daily run, whether or not they wrote. */
    void customers() {
      Checkpoint cp = store.checkpoint(account.id(), SyncStream.CUSTOMERS);
      Instant since = cp.watermark().orElse(Instant.EPOCH);
      Instant runStart = cp.windowEnd().orElse(clock.instant());
      Optional<PageCursor> cursor = cp.cursor();
      while (true) {
        Page<Contact> page = workspace.contactsUpdatedSince(since, cursor);
        List<CustomerProfile> profiles = new ArrayList<>();
        for (Contact contact : page.items()) {
          // Contact search matches whole days, so the page can hold contacts already synced.
          if (!contact.updatedAt().isBefore(since)) {
            profiles.add(profile(contact));
          }
        }
        cursor = page.next();
        boolean last = page.isLast();
        Checkpoint next =
            last
                ? Checkpoint.windowed(Optional.empty(), Optional.of(runStart), Optional.empty())
                // The watermark stays as it was (none before the first daily run: not the epoch,
                // which a TIMESTAMP column cannot hold).
                : Checkpoint.windowed(cursor, cp.watermark(), Optional.of(runStart));
        commit(
            SyncStream.CUSTOMERS,
            List.of(),
            List.of(),
            profiles,
            next,
            new RunCounts(0, 0, 0, 0, 0, 0, profiles.size(), 0, 0));
        progressed(page.items().size(), page.total(), Long.MAX_VALUE);
        if (last) {
          break;
        }
      }
    }

    private Optional<SyncBatch.StoredDocument> keep(Conversation conversation) {
      return keep(conversation, files);
    }

    /** The conversation as a document if kept, its files downloaded into {@code sink}. */
    private Optional<SyncBatch.StoredDocument> keep(
        Conversation conversation, List<StoredFile> sink) {
      if (!filter.judge(conversation).kept()) {
        return Optional.empty();
      }
      FeedbackDocument document =
          localFiles(mapping.map(connection.workspace(), conversation, clock.instant()), sink);
      return Optional.of(
          new SyncBatch.StoredDocument(document, SyncedConversation.of(conversation)));
    }

    /**
     * Downloads the document's attachments and inline images now, while Intercom's links work, and
     * points the document at the stored copies. A file that cannot be had keeps its original link
     * (the document is not lost for it).
     */
    private FeedbackDocument localFiles(FeedbackDocument d, List<StoredFile> sink) {
      Map<String, Optional<String>> done = new java.util.HashMap<>();
      java.util.function.BiFunction<String, String, Optional<String>> local =
          (url, name) ->
              done.computeIfAbsent(url, u -> download(d.conversationId(), u, name, sink));
      List<DocumentMessage> messages = new ArrayList<>();
      for (DocumentMessage m : d.messages()) {
        String html = Html.replaceImageSources(m.html(), url -> local.apply(url, "image"));
        List<Attachment> attachments =
            m.attachments().stream()
                .map(
                    a ->
                        local
                            .apply(a.url(), a.name())
                            .map(
                                link ->
                                    new Attachment(a.name(), link, a.contentType(), a.sizeBytes()))
                            .orElse(a))
                .toList();
        messages.add(
            new DocumentMessage(
                m.id(), m.kind(), m.author(), m.createdAt(), html, attachments, m.redacted()));
      }
      return new FeedbackDocument(
          d.workspace(),
          d.conversationId(),
          d.title(),
          messages,
          d.status(),
          d.tags(),
          d.attributes(),
          d.originalUrl(),
          d.sourceType(),
          d.deliveredAs(),
          d.customer(),
          d.createdAt(),
          d.updatedAt(),
          d.syncedAt());
    }

    private Optional<String> download(
        ConversationId conversation, String url, String name, List<StoredFile> sink) {
      try {
        Download file = workspace.download(url);
        String fileId = fileId(url);
        sink.add(new StoredFile(conversation, fileId, name, file.contentType(), file.bytes()));
        return Optional.of(links.link(conversation, fileId));
      } catch (IntercomFailure.Rejected | IntercomFailure.Unavailable e) {
        return Optional.empty();
      }
    }

    private CustomerProfile profile(Contact contact) {
      // The contact lists its companies' ids; one without companies costs no companies call.
      return ProfileMapping.map(
          connection.workspace().id(),
          contact,
          contact.companyIds().isEmpty() ? List.of() : workspace.companiesOf(contact.id()),
          workspace.segmentsOf(contact.id()));
    }

    /** Profiles of the customers who wrote the page's documents, once per run each. */
    private List<CustomerProfile> authorsOf(List<SyncBatch.StoredDocument> documents) {
      Set<ContactId> wanted = new LinkedHashSet<>();
      documents.forEach(
          d -> d.document().customer().filter(c -> !profiled.contains(c)).ifPresent(wanted::add));
      profiled.addAll(wanted);
      List<Optional<CustomerProfile>> found =
          fetchers.map(List.copyOf(wanted), id -> workspace.contact(id).map(this::profile));
      List<CustomerProfile> profiles = new ArrayList<>();
      int i = 0;
      for (ContactId id : wanted) {
        // A customer Intercom no longer has: its profile is tombstoned, not silently kept as it
        // was.
        found.get(i++).ifPresentOrElse(profiles::add, () -> goneContacts.add(id));
      }
      return profiles;
    }

    private void commit(
        SyncStream stream,
        List<SyncBatch.StoredDocument> documents,
        List<ConversationId> deletions,
        Checkpoint next,
        RunCounts pageCounts) {
      commit(stream, documents, deletions, authorsOf(documents), next, pageCounts);
    }

    private void commit(
        SyncStream stream,
        List<SyncBatch.StoredDocument> documents,
        List<ConversationId> deletions,
        List<CustomerProfile> profiles,
        Checkpoint next,
        RunCounts pageCounts) {
      RunCounts withProfiles =
          pageCounts.plus(
              new RunCounts(
                  0, 0, 0, 0, 0, 0, stream == SyncStream.CUSTOMERS ? 0 : profiles.size(), 0, 0));
      counts = counts.plus(withProfiles);
      List<StoredFile> pageFiles = List.copyOf(files);
      files.clear();
      List<ContactId> pageGoneContacts = List.copyOf(goneContacts);
      goneContacts.clear();
      store.commit(
          account.id(),
          new SyncBatch(
              stream,
              documents,
              profiles,
              deletions,
              pageGoneContacts,
              pageFiles,
              next,
              withProfiles));
    }

    private RunCounts count(long fetched, long kept, long skipped) {
      return new RunCounts(fetched, kept, skipped, 0, 0, 0, 0, 0, 0);
    }
  }
}
