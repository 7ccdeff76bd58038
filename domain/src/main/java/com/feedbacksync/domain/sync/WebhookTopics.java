package com.feedbacksync.domain.sync;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What an Intercom webhook topic asks of the sync. Webhooks are hints that make a re-sync come
 * early; the hourly poll stays the source of truth, so a topic that is not a change trigger is
 * acknowledged and ignored, and the conversation or contact is always fetched again rather than
 * taken from the payload.
 */
public final class WebhookTopics {

  private WebhookTopics() {}

  /** What to do about one notification. */
  public sealed interface Action {
    /** Fetch the conversation again (a reply, a tag added, a status change, a deletion). */
    record ResyncConversation() implements Action {}

    /** Fetch the contact again (an update, a merge, a deletion: 404 makes it a tombstone). */
    record ResyncContact() implements Action {}

    /** Nothing to fetch, for the reason given. */
    record Ignore(String reason) implements Action {
      public Ignore {
        Objects.requireNonNull(reason, "reason");
      }
    }
  }

  /** The change triggers of design §1, as Intercom names them, plus deletions and redactions. */
  private static final Set<String> CONVERSATION_TOPICS =
      Set.of(
          "conversation.user.created",
          "conversation.user.replied",
          "conversation.admin.replied",
          "conversation.admin.replied.translated",
          "conversation.admin.single.created",
          "conversation.operator.replied",
          "conversation.admin.closed",
          "conversation.admin.opened",
          "conversation.admin.snoozed",
          "conversation.admin.unsnoozed",
          "conversation_part.tag.created",
          "conversation_part.redacted",
          "conversation.deleted");

  private static final Set<String> CONTACT_TOPICS =
      Set.of(
          "contact.user.created",
          "contact.user.updated",
          "contact.lead.created",
          "contact.lead.updated",
          "contact.lead.signed_up",
          "contact.lead.added_email",
          "contact.email.updated",
          "contact.merged",
          "contact.archived",
          "contact.unarchived",
          "contact.deleted",
          "visitor.signed_up");

  public static Action actionFor(String topic) {
    String t = topic == null ? "" : topic.strip().toLowerCase(Locale.ROOT);
    if (CONVERSATION_TOPICS.contains(t)) {
      return new Action.ResyncConversation();
    }
    if (CONTACT_TOPICS.contains(t)) {
      return new Action.ResyncContact();
    }
    if (t.equals("ping")) {
      return new Action.Ignore("ping");
    }
    // Assignment, read, priority and the like cost no re-fetch (design §1).
    return new Action.Ignore("not a change the sync acts on: " + (t.isEmpty() ? "(none)" : t));
  }
}
