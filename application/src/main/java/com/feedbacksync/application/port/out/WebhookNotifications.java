package com.feedbacksync.application.port.out;

import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.intercom.WorkspaceId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the body of an Intercom webhook notification (already verified by its signature) into what
 * it asks of the sync. Intercom's JSON is the Intercom adapter's to know; the receiver only routes
 * by the outcome.
 */
public interface WebhookNotifications {

  /** What this body asks for; never throws for a body that is not a notification. */
  Notification read(byte[] body);

  /** What one notification asks of the sync, or why it cannot be acted on. */
  sealed interface Notification {

    /** A conversation changed in a way the sync re-fetches (design §1's change triggers). */
    record ConversationChanged(
        String notificationId,
        Instant createdAt,
        String topic,
        WorkspaceId workspace,
        ConversationId conversation)
        implements Notification {
      public ConversationChanged {
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(conversation, "conversation");
      }
    }

    /**
     * A contact changed; {@code mergedFrom} is the contact merged into it, gone in Intercom, whose
     * profile a fetch turns into a tombstone.
     */
    record ContactChanged(
        String notificationId,
        Instant createdAt,
        String topic,
        WorkspaceId workspace,
        ContactId contact,
        Optional<ContactId> mergedFrom)
        implements Notification {
      public ContactChanged {
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(mergedFrom, "mergedFrom");
      }
    }

    /** A notification the sync does not act on (a ping, an assignment, ...), for this reason. */
    record Ignored(String reason) implements Notification {
      public Ignored {
        Objects.requireNonNull(reason, "reason");
      }
    }

    /**
     * Not a notification the sync can act on: not JSON, an id or its creation time missing or
     * invalid.
     */
    record Unreadable(String problem) implements Notification {
      public Unreadable {
        Objects.requireNonNull(problem, "problem");
      }
    }
  }
}
