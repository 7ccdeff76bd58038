package com.feedbacksync.application.sync;

import com.feedbacksync.application.model.Checkpoint;
import com.feedbacksync.application.model.ConversationFetch;
import com.feedbacksync.application.model.ItemKind;
import com.feedbacksync.application.model.Page;
import com.feedbacksync.application.model.PageCursor;
import com.feedbacksync.application.model.RunCounts;
import com.feedbacksync.application.model.SetAside;
import com.feedbacksync.application.model.SyncStream;
import com.feedbacksync.application.model.TimeWindow;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.intercom.ConversationListing;
import com.feedbacksync.domain.sync.ChangeDecision;
import com.feedbacksync.domain.sync.ChangeTriggers;
import com.feedbacksync.domain.sync.SyncedConversation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hourly sync's conversations: those updated since the last run, fetched only when their
 * listing shows a change worth it (a reply, a tag, a status), committed a page at a time with the
 * window's position. One never synced that lies below the history the plan took (the Start plan's
 * limit) is fetched only when a customer or an agent replied in it within the window: touching it
 * (a tag, a status, an assignment) does not bring it past the limit.
 */
final class UpdatedConversationsWalk {

  /**
   * Windows overlap by this much, so a conversation updated while the last window closed is never
   * missed; the overlap costs nothing since unchanged conversations are not fetched.
   */
  static final Duration WINDOW_OVERLAP = Duration.ofMinutes(5);

  private final SyncRun run;
  private final Fetchers fetchers;
  private final DocumentImport imports;
  private final ProfileFetches profiles;

  UpdatedConversationsWalk(
      SyncRun run, Fetchers fetchers, DocumentImport imports, ProfileFetches profiles) {
    this.run = run;
    this.fetchers = fetchers;
    this.imports = imports;
    this.profiles = profiles;
  }

  /** Walks the window; false when there was no window to walk (see below). */
  boolean walk() {
    Checkpoint cp = run.checkpoint(SyncStream.CONVERSATIONS);
    Instant watermark = cp.watermark().orElse(run.connection().connectedAt());
    Instant windowEnd = cp.windowEnd().orElse(run.now());
    if (watermark.minus(WINDOW_OVERLAP).isAfter(windowEnd)) {
      // A watermark ahead of this server's clock (another server's runs ahead, or it was set
      // forward): nothing can be newer than it yet, and an inverted window is no window at all.
      return false;
    }
    TimeWindow window = new TimeWindow(watermark.minus(WINDOW_OVERLAP), windowEnd);
    Optional<PageCursor> cursor = cp.cursor();
    while (true) {
      Page<ConversationListing> page = run.workspace().conversationsUpdated(window, cursor);
      PendingBatch part = fetchChanged(page.items(), window.from());
      part.unread(page);
      part.authors(profiles.authorsOf(part.documents()));
      cursor = page.next();
      boolean last = page.isLast();
      Checkpoint next =
          last
              ? Checkpoint.windowed(Optional.empty(), Optional.of(windowEnd), Optional.empty())
              : Checkpoint.windowed(cursor, Optional.of(watermark), Optional.of(windowEnd));
      run.commit(part.batch(SyncStream.CONVERSATIONS, next));
      run.progressed(page.items().size(), page.total(), Long.MAX_VALUE);
      if (last) {
        return true;
      }
    }
  }

  /**
   * Where the next hourly window starts: a reply from then on is one the hourly sync will take, so
   * a webhook may take it too.
   */
  static Instant nextWindowStart(SyncRun run) {
    return run.checkpoint(SyncStream.CONVERSATIONS)
        .watermark()
        .orElse(run.connection().connectedAt())
        .minus(WINDOW_OVERLAP);
  }

  /** The page's changed conversations fetched side by side, judged in the page's order. */
  private PendingBatch fetchChanged(List<ConversationListing> listings, Instant repliesSince) {
    Map<ConversationId, SyncedConversation> stored =
        run.synced(listings.stream().map(ConversationListing::id).toList());
    PendingBatch part = new PendingBatch();
    List<ConversationListing> changed = new ArrayList<>();
    List<ChangeDecision> decisions = new ArrayList<>();
    for (ConversationListing listing : listings) {
      ChangeDecision decision =
          ChangeTriggers.decide(
              Optional.ofNullable(stored.get(listing.id())),
              listing,
              run.connection().coverage(),
              repliesSince);
      if (decision.fetch()) {
        changed.add(listing);
        decisions.add(decision);
      } else {
        part.count(RunCounts.unchanged(1));
      }
    }
    List<ItemRead<ConversationFetch>> fetches =
        fetchers.map(changed, l -> run.reads().of(() -> run.workspace().conversation(l.id())));
    for (int i = 0; i < changed.size(); i++) {
      ConversationId id = changed.get(i).id();
      if (fetches.get(i) instanceof ItemRead.Unreadable<ConversationFetch> failed) {
        // Set aside, retried by later runs; the window moves on without it.
        part.setAside(failed.setAside(ItemKind.CONVERSATION, id.value()));
      } else if (((ItemRead.Read<ConversationFetch>) fetches.get(i)).value()
          instanceof ConversationFetch.Found found) {
        Optional<DocumentImport.Imported> kept = imports.of(found.conversation());
        kept.ifPresentOrElse(
            part::imported, () -> part.setAside(SetAside.withoutReply(id.value())));
        part.count(
            kept.isEmpty()
                ? RunCounts.SKIPPED_WITHOUT_REPLY
                : decisions.get(i) instanceof ChangeDecision.Resync
                    ? RunCounts.RESYNCED
                    : RunCounts.KEPT);
      } else {
        part.deletion(id);
        part.count(RunCounts.FETCHED_DELETED);
      }
    }
    return part;
  }
}
