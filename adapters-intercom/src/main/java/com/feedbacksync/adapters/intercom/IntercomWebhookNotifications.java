package com.feedbacksync.adapters.intercom;

import com.feedbacksync.application.port.out.WebhookNotifications;
import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.intercom.WorkspaceId;
import com.feedbacksync.domain.sync.WebhookTopics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@link WebhookNotifications} port on Intercom's notification envelope: the topic routes (by
 * {@link WebhookTopics}), {@code app_id} names the workspace and {@code data.item} the conversation
 * or contact. Nothing else of the payload is trusted: the sync fetches it again.
 */
@ApplicationScoped
public class IntercomWebhookNotifications implements WebhookNotifications {

  /** Looked up once: {@code Json.*} looks the provider up through the class loaders every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  @Override
  public Notification read(byte[] body) {
    try {
      return route(envelope(body));
    } catch (NotANotification e) {
      return new Notification.Unreadable(e.getMessage());
    }
  }

  private static Notification route(JsonObject o) {
    String topic = text(o, "topic").orElse("");
    WebhookTopics.Action action = WebhookTopics.actionFor(topic);
    if (action instanceof WebhookTopics.Action.Ignore ignore) {
      return new Notification.Ignored(ignore.reason());
    }
    // The id is what a repeated delivery is recognised by: without one it cannot be acted on once.
    String notificationId =
        text(o, "id")
            .filter(id -> id.length() <= 200)
            .orElseThrow(
                () -> new NotANotification("The notification has no id (of 1 to 200 characters)."));
    WorkspaceId workspace = id("app_id", text(o, "app_id"), WorkspaceId::new);
    Instant createdAt = createdAt(o);
    JsonObject item =
        o.get("data") instanceof JsonObject data && data.get("item") instanceof JsonObject i
            ? i
            : JsonValue.EMPTY_JSON_OBJECT;
    // A part's notification may name its conversation apart from its own id.
    Optional<String> itemId =
        text(item, "conversation_id")
            .filter(c -> text(item, "type").orElse("").startsWith("conversation_part"))
            .or(() -> text(item, "id"));
    if (action instanceof WebhookTopics.Action.ResyncConversation) {
      return new Notification.ConversationChanged(
          notificationId,
          createdAt,
          topic,
          workspace,
          id("data.item.id", itemId, ConversationId::new));
    }
    ContactId contact = id("data.item.id", itemId, ContactId::new);
    Optional<String> mergedFrom =
        item.get("merged_from") instanceof JsonObject m ? text(m, "id") : Optional.empty();
    Optional<ContactId> merged =
        mergedFrom.isPresent()
            ? Optional.of(id("data.item.merged_from.id", mergedFrom, ContactId::new))
            : Optional.empty();
    return new Notification.ContactChanged(
        notificationId, createdAt, topic, workspace, contact, merged);
  }

  /** Intercom's {@code created_at}: seconds since the epoch. */
  private static Instant createdAt(JsonObject o) {
    if (!(o.get("created_at") instanceof JsonNumber n) || !n.isIntegral()) {
      throw new NotANotification("The notification has no created_at (seconds since 1970).");
    }
    try {
      return Instant.ofEpochSecond(n.longValueExact());
    } catch (ArithmeticException | java.time.DateTimeException e) {
      throw new NotANotification("The notification's created_at is out of range.");
    }
  }

  private static JsonObject envelope(byte[] body) {
    JsonValue v;
    try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(body))) {
      v = reader.readValue();
    } catch (RuntimeException e) {
      // JsonException, or a plain RuntimeException for nesting deeper than the parser's limit.
      throw new NotANotification("The body is not valid JSON: " + e.getMessage());
    }
    if (v.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new NotANotification("A webhook notification is a JSON object.");
    }
    return v.asJsonObject();
  }

  /** An id the notification must carry, as the domain accepts ids. */
  private static <T> T id(String field, Optional<String> value, Function<String, T> parse) {
    String raw =
        value.orElseThrow(() -> new NotANotification("The notification has no " + field + "."));
    try {
      return parse.apply(raw);
    } catch (IllegalArgumentException e) {
      throw new NotANotification("The notification's " + field + " is not a valid id.");
    }
  }

  private static Optional<String> text(JsonObject o, String field) {
    JsonValue v = o.get(field);
    if (v == null) {
      return Optional.empty();
    }
    String s =
        switch (v.getValueType()) {
          case STRING -> o.getString(field);
          case NUMBER -> v.toString();
          default -> "";
        };
    return s.isBlank() ? Optional.empty() : Optional.of(s.strip());
  }

  /** Ends the reading of a body that is not a notification; becomes its Unreadable outcome. */
  private static final class NotANotification extends RuntimeException {
    NotANotification(String problem) {
      super(problem, null, false, false);
    }
  }
}
