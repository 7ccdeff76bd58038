package com.feedbacksync.application.sync;

import com.feedbacksync.application.model.Checkpoint;
import com.feedbacksync.application.model.ConversationFetch;
import com.feedbacksync.application.model.ItemKind;
import com.feedbacksync.application.model.Page;
import com.feedbacksync.application.model.PageCursor;
import com.feedbacksync.application.model.RunCounts;
import com.feedbacksync.application.model.SetAside;
import com.feedbacksync.application.model.SkipReason;
import com.feedbacksync.application.model.SyncStream;
import com.feedbacksync.domain.account.Plan;
import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.intercom.ConversationListing;
import com.feedbacksync.domain.profile.CustomerProfile;
import com.feedbacksync.domain.sync.HistoryCoverage;
import com.feedbacksync.domain.sync.HistoryPosition;
import com.feedbacksync.domain.sync.HistoryQuota;
import com.feedbacksync.domain.sync.PlanLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The first sync, and the backfill after an upgrade: history newest first, as far as the plan's
 * quota allows. A page is fetched on the fetchers and committed in parts, each with how far into
 * the page the walk got, so a crash costs at most the part in progress and the few conversations
 * fetched ahead of it.
 */
final class HistoryWalk {

  /**
   * How far the fetchers may run ahead of what the walk took: one conversation per fetcher keeps
   * them busy (the walk takes as fast as they fetch, but for its commits), and what a crash loses
   * of fetched conversations stays that small.
   */
  static final int LOOKAHEAD = 8;

  private final SyncRun run;
  private final PlanLimits limits;
  private final Fetchers fetchers;
  private final HistoryParts parts;
  private final DocumentImport imports;
  private final ProfileFetches profiles;

  HistoryWalk(
      SyncRun run,
      PlanLimits limits,
      Fetchers fetchers,
      HistoryParts parts,
      DocumentImport imports,
      ProfileFetches profiles) {
    this.run = run;
    this.limits = limits;
    this.fetchers = fetchers;
    this.parts = parts;
    this.imports = imports;
    this.profiles = profiles;
  }

  /** The first sync: history newest first, as far as the account's plan allows. */
  void first() {
    walk(SyncStream.HISTORY, run.account().plan(), Optional.empty());
  }

  /** After an upgrade: all the history older than what the first sync took. */
  void backfill() {
    if (run.connection().coverage() instanceof HistoryCoverage.DownTo downTo) {
      walk(SyncStream.BACKFILL, Plan.PAID, Optional.of(downTo.oldestTaken()));
    }
  }

  /**
   * A history conversation as its fetcher hands it over, with its author's profile if new, and what
   * of it was set aside (the conversation left out by the reply rule or unreadable, or its
   * unreadable author).
   */
  private record Fetched(
      Optional<DocumentImport.Imported> document,
      Optional<CustomerProfile> author,
      Optional<ContactId> goneAuthor,
      List<SetAside> setAside) {

    Fetched(Optional<DocumentImport.Imported> document, List<SetAside> setAside) {
      this(document, Optional.empty(), Optional.empty(), setAside);
    }

    boolean unreadable() {
      return document.isEmpty()
          && setAside.stream().anyMatch(s -> s.reason() == SkipReason.UNREADABLE);
    }
  }

  private void walk(SyncStream stream, Plan plan, Optional<HistoryPosition> olderThan) {
    Checkpoint cp = run.checkpoint(stream);
    if (cp.done()) {
      // Finished before (e.g. the connection was made again): the connection must say so, or the
      // scheduler would start this no-op walk every tick and never the hourly sync.
      run.covered(
          Checkpoint.coverage(
              run.checkpoint(SyncStream.HISTORY), run.checkpoint(SyncStream.BACKFILL)));
      return;
    }
    // When this walk began, kept in its checkpoint so that a resumed walk knows it too: profiles
    // the store wrote since then are this walk's, those from before (an earlier connection of the
    // workspace, the syncs before a backfill) are fetched once more. (Servers' clocks set apart
    // cost at most such a fetch again.)
    WalkProgress progress =
        new WalkProgress(
            cp.watermark().orElseGet(run::now),
            limits.quota(plan, run.connection().connectedAt(), cp.taken()),
            cp.oldestTaken());
    Optional<PageCursor> cursor = cp.cursor();
    Optional<HistoryPosition> resumeAfter = cp.handledTo();
    boolean done = false;
    while (!done) {
      Page<ConversationListing> page = run.workspace().conversationsNewestFirst(olderThan, cursor);
      done = page(stream, progress, cursor, page, resumeAfter);
      resumeAfter = Optional.empty();
      cursor = page.next();
    }
    run.covered(progress.coverage());
  }

  /**
   * One page: its conversations fetched ahead and judged in order, committed in parts, the last
   * part with where the walk goes on. Returns whether the walk is done (history or quota ended).
   *
   * @param handledBefore how far into this page a walk that stopped in it got
   */
  private boolean page(
      SyncStream stream,
      WalkProgress progress,
      Optional<PageCursor> pageCursor,
      Page<ConversationListing> page,
      Optional<HistoryPosition> handledBefore) {
    List<ConversationListing> unhandled =
        page.items().stream()
            .filter(l -> handledBefore.isEmpty() || !handled(l, handledBefore.get()))
            .toList();
    List<ConversationListing> candidates =
        stream == SyncStream.BACKFILL ? notStored(unhandled) : unhandled;
    PageCustomers customers = customers(candidates, progress.began());
    ProfileFetches.Ahead ahead = profiles.lookAhead(customers.toFetch());
    PendingBatch part = new PendingBatch();
    part.count(RunCounts.unchanged(unhandled.size() - candidates.size()));
    if (handledBefore.isEmpty()) {
      // Once per page: a resumed page recorded them with its first part.
      part.unread(page);
    }
    int judged = 0;
    Instant lastCommit = run.now();
    while (judged < candidates.size() && !progress.exhausted()) {
      // Fetched ahead, judged in order: never more at once than the quota still admits, so a
      // Start plan's limit costs no retrieve it does not keep.
      int room = admitted(candidates, judged, progress.quota());
      if (room == 0) {
        progress.exhaust();
        break;
      }
      List<ConversationListing> admitted = candidates.subList(judged, judged + room);
      try (Fetchers.Fetching<Fetched> fetching =
          fetchers.each(admitted, l -> fetch(l.id(), customers, ahead), LOOKAHEAD)) {
        for (int i = 0; i < admitted.size() && !progress.exhausted(); i++) {
          HistoryPosition position = position(admitted.get(i));
          if (!progress.quota().admits(position)) {
            progress.exhaust();
            break;
          }
          take(part, fetching.get(i), position, progress);
          judged++;
          if ((parts.due(part.rows(), Duration.between(lastCommit, run.now()))
                  || part.filesOverBudget())
              && judged < candidates.size()
              && !progress.exhausted()) {
            run.commit(
                part.batch(stream, progress.checkpoint(pageCursor, false, Optional.of(position))));
            run.progressedInPage(part.fetched(), page.total(), progress.quota().limit());
            part = new PendingBatch();
            lastCommit = run.now();
          }
        }
      }
    }
    boolean done = progress.exhausted() || page.isLast();
    run.commit(
        part.batch(
            stream,
            progress.checkpoint(done ? Optional.empty() : page.next(), done, Optional.empty())));
    run.progressed(part.fetched(), page.total(), progress.quota().limit());
    // The page is stored: its customers' profiles are the store's to vouch for now.
    profiles.forgetStored(met -> run.profiled(met, progress.began()));
    return done;
  }

  /** A fetched conversation into the part: its document or why not, its author's profile. */
  private static void take(
      PendingBatch part, Fetched fetched, HistoryPosition position, WalkProgress progress) {
    fetched.author().ifPresent(part::profile);
    fetched.goneAuthor().ifPresent(part::goneContact);
    fetched.setAside().forEach(part::setAside);
    if (fetched.document().isPresent()) {
      part.imported(fetched.document().get());
      part.count(RunCounts.KEPT);
    } else if (!fetched.unreadable()) {
      part.count(RunCounts.SKIPPED_WITHOUT_REPLY);
    }
    progress.judged(position, fetched.document().isPresent());
  }

  /**
   * The listings of a backfill page that nothing stored yet: the hourly sync (a reply on an old
   * conversation) or a webhook may have stored some below the first sync's oldest; fetching those
   * again would cost a retrieve each and bring nothing the hourly sync does not keep up to date.
   * (The backfill's quota has no limit, so leaving them uncounted changes nothing.)
   */
  private List<ConversationListing> notStored(List<ConversationListing> listings) {
    if (listings.isEmpty()) {
      return listings;
    }
    Set<ConversationId> stored =
        run.synced(listings.stream().map(ConversationListing::id).toList()).keySet();
    return listings.stream().filter(l -> !stored.contains(l.id())).toList();
  }

  /**
   * How many candidates from here may be fetched: as many as the quota still admits (at least one
   * when the next is admitted anyway, being newer than the connection); none when it admits no
   * more.
   */
  private static int admitted(List<ConversationListing> candidates, int from, HistoryQuota quota) {
    int room = (int) Math.min(candidates.size() - from, quota.roomLeft());
    if (room == 0 && !quota.admits(position(candidates.get(from)))) {
      return 0;
    }
    return Math.max(1, room);
  }

  /**
   * The customers of a page's conversations and those of them the store has a profile of from this
   * walk (stored on an earlier page, or before a crash it resumes from), or a tombstone.
   */
  private record PageCustomers(Set<ContactId> all, Set<ContactId> stored, Instant walkBegan) {

    /**
     * Those to look up together before the conversations are fetched: those of conversations the
     * reply rule will leave out cost a place in a search, not a call.
     */
    Set<ContactId> toFetch() {
      Set<ContactId> left = new LinkedHashSet<>(all);
      left.removeAll(stored);
      return left;
    }
  }

  private PageCustomers customers(List<ConversationListing> candidates, Instant began) {
    Set<ContactId> all = new LinkedHashSet<>();
    candidates.forEach(l -> all.addAll(l.contactIds()));
    return new PageCustomers(all, all.isEmpty() ? Set.of() : run.profiled(all, began), began);
  }

  /**
   * Whether the store has the author's profile from this walk; asked alone for an author the
   * listing did not show.
   */
  private boolean stored(ContactId author, PageCustomers customers) {
    return customers.all().contains(author)
        ? customers.stored().contains(author)
        : run.hasProfile(author, customers.walkBegan());
  }

  /**
   * A history conversation with what it brings: its copied files, and its author's profile the
   * first time this run meets the author unless the store has it, its contact looked up ahead with
   * the page's if it could be.
   */
  private Fetched fetch(ConversationId id, PageCustomers customers, ProfileFetches.Ahead ahead) {
    ItemRead<ConversationFetch> read = run.reads().of(() -> run.workspace().conversation(id));
    if (read instanceof ItemRead.Unreadable<ConversationFetch> failed) {
      return new Fetched(
          Optional.empty(), List.of(failed.setAside(ItemKind.CONVERSATION, id.value())));
    }
    ConversationFetch fetch = ((ItemRead.Read<ConversationFetch>) read).value();
    if (!(fetch instanceof ConversationFetch.Found found)) {
      return new Fetched(Optional.empty(), List.of());
    }
    // Conversations no sync stored (a backfill leaves out those stored since; one a webhook stored
    // just before the first sync met it gets its files downloaded again, nothing worse).
    Optional<DocumentImport.Imported> kept = imports.firstOf(found.conversation());
    if (kept.isEmpty()) {
      return new Fetched(kept, List.of(SetAside.withoutReply(id.value())));
    }
    Optional<ContactId> author =
        kept.get()
            .document()
            .document()
            .customer()
            .filter(c -> !stored(c, customers))
            .filter(profiles::claim);
    if (author.isEmpty()) {
      return new Fetched(kept, List.of());
    }
    ItemRead<Optional<CustomerProfile>> profile = ahead.read(author.get());
    if (profile instanceof ItemRead.Unreadable<Optional<CustomerProfile>> failed) {
      return new Fetched(kept, List.of(failed.setAside(ItemKind.CONTACT, author.get().value())));
    }
    Optional<CustomerProfile> authorProfile =
        ((ItemRead.Read<Optional<CustomerProfile>>) profile).value();
    return new Fetched(
        kept, authorProfile, authorProfile.isEmpty() ? author : Optional.empty(), List.of());
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
}
