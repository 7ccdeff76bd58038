package com.feedbacksync.domain.sync;

import com.feedbacksync.domain.intercom.ConversationListing;
import com.feedbacksync.domain.intercom.Statistics;
import com.feedbacksync.domain.intercom.TagId;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Decides from a search listing, before any fetch, whether a synced conversation must be fetched
 * again: a customer reply, an agent reply, a tag added or removed, or a status change. Assignment,
 * read state, priority and any other change cost nothing. A listing older than what was stored (a
 * stale copy) never triggers, so it can never overwrite newer data.
 *
 * <p>A conversation never synced is new, unless it lies below the history the plan took (the Start
 * plan's 5,000): such an old conversation comes in only with a new customer or agent reply.
 */
public final class ChangeTriggers {

  private ChangeTriggers() {}

  /**
   * The decision for a listing of the hourly sync.
   *
   * @param coverage the history the first sync took: a conversation below it was left out by the
   *     plan's limit
   * @param repliesSince a reply at or after this moment is new (the start of the window walked)
   */
  public static ChangeDecision decide(
      Optional<SyncedConversation> stored,
      ConversationListing fresh,
      HistoryCoverage coverage,
      Instant repliesSince) {
    if (stored.isEmpty()
        && outsideHistory(
            new HistoryPosition(fresh.createdAt(), fresh.id()),
            fresh.statistics(),
            coverage,
            repliesSince)) {
      return new ChangeDecision.OutsideHistory();
    }
    return decide(stored, fresh);
  }

  /**
   * Whether a conversation never synced stays out: it lies below the history the plan took, and
   * neither a customer nor an agent replied at or after {@code repliesSince}. The hourly sync asks
   * from a listing, a webhook from the conversation it fetched.
   */
  public static boolean outsideHistory(
      HistoryPosition position,
      Statistics statistics,
      HistoryCoverage coverage,
      Instant repliesSince) {
    return !coverage.covers(position)
        && !repliedSince(statistics.lastContactReplyAt(), repliesSince)
        && !repliedSince(statistics.lastAdminReplyAt(), repliesSince);
  }

  private static boolean repliedSince(Optional<Instant> reply, Instant since) {
    return reply.isPresent() && !reply.get().isBefore(since);
  }

  public static ChangeDecision decide(
      Optional<SyncedConversation> stored, ConversationListing fresh) {
    if (stored.isEmpty()) {
      return new ChangeDecision.New();
    }
    SyncedConversation before = stored.get();
    if (fresh.updatedAt().isBefore(before.updatedAt())) {
      return new ChangeDecision.Unchanged(); // a stale copy: what is stored is newer
    }
    Set<Trigger> triggers = EnumSet.noneOf(Trigger.class);
    if (later(fresh.statistics().lastContactReplyAt(), before.lastContactReplyAt())) {
      triggers.add(Trigger.CUSTOMER_REPLY);
    }
    if (later(fresh.statistics().lastAdminReplyAt(), before.lastAdminReplyAt())) {
      triggers.add(Trigger.AGENT_REPLY);
    }
    Set<TagId> now = fresh.tagIds();
    if (!before.tagIds().containsAll(now)) {
      triggers.add(Trigger.TAG_ADDED);
    }
    if (!now.containsAll(before.tagIds())) {
      triggers.add(Trigger.TAG_REMOVED);
    }
    if (fresh.state() != before.state()) {
      triggers.add(Trigger.STATUS_CHANGED);
    }
    return ChangeDecision.resyncOrUnchanged(triggers);
  }

  /** A reply time that moved forward (or appeared); one that went back is a stale listing. */
  private static boolean later(Optional<Instant> fresh, Optional<Instant> stored) {
    return fresh.isPresent() && (stored.isEmpty() || fresh.get().isAfter(stored.get()));
  }
}
