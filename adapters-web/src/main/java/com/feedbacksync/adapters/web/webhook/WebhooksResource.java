package com.feedbacksync.adapters.web.webhook;

import com.feedbacksync.application.port.in.SyncIntercomUseCase;
import com.feedbacksync.application.sync.SyncOutcome;
import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.intercom.WorkspaceId;
import com.feedbacksync.domain.sync.WebhookTopics;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Intercom's webhook receiver. No JWT: the signature is the authentication. It answers at once and
 * queues the re-sync (Intercom gives up after 5 seconds and then pauses deliveries), and it never
 * trusts the payload's content: the conversation or contact is fetched again.
 */
@Path("webhooks/intercom")
@RequestScoped
@PermitAll
public class WebhooksResource {

  /** Looked up once: {@code Json.*} looks the provider up through the class loaders every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private static final Logger LOG = Logger.getLogger(WebhooksResource.class.getName());

  /** Intercom's notifications are small; anything far larger is not one of them. */
  static final int MAX_BODY_BYTES = 1 << 20;

  @Inject SyncIntercomUseCase sync;

  @Resource ManagedExecutorService workers;

  @Inject
  @ConfigProperty(name = "intercom.client.secret")
  Optional<String> clientSecret;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Intercom webhook receiver (signed with X-Hub-Signature, no JWT)")
  @APIResponse(responseCode = "202", description = "Verified; the re-sync is queued")
  @APIResponse(responseCode = "200", description = "Verified; a topic the sync does not act on")
  @APIResponse(responseCode = "400", description = "Verified but not a notification")
  @APIResponse(responseCode = "401", description = "The signature is missing or wrong")
  public Response receive(@HeaderParam("X-Hub-Signature") String signature, byte[] body) {
    if (body.length > MAX_BODY_BYTES
        || !new WebhookSignature(clientSecret.orElse("")).verifies(body, signature)) {
      throw new NotAuthorizedException(
          "The X-Hub-Signature does not match this body and the app's client secret.",
          "X-Hub-Signature");
    }
    Notification n = Notification.read(body);
    WebhookTopics.Action action = WebhookTopics.actionFor(n.topic());
    if (action instanceof WebhookTopics.Action.Ignore ignore) {
      return Response.ok(new Acknowledged("ignored", ignore.reason())).build();
    }
    WorkspaceId workspace = n.id("app_id", n.appId(), WorkspaceId::new);
    if (action instanceof WebhookTopics.Action.ResyncConversation) {
      ConversationId conversation = n.id("data.item.id", n.itemId(), ConversationId::new);
      queue(n, () -> sync.resyncConversation(workspace, conversation));
      return Response.accepted(new Acknowledged("queued", "conversation " + conversation)).build();
    }
    ContactId contact = n.id("data.item.id", n.itemId(), ContactId::new);
    queue(n, () -> sync.resyncContact(workspace, contact));
    if (n.mergedFrom().isPresent()) {
      // The merged-away contact is gone in Intercom: fetching it makes its profile a tombstone.
      ContactId gone = n.id("data.item.merged_from.id", n.mergedFrom(), ContactId::new);
      queue(n, () -> sync.resyncContact(workspace, gone));
    }
    return Response.accepted(new Acknowledged("queued", "contact " + contact.value())).build();
  }

  private void queue(Notification n, Supplier<SyncOutcome> work) {
    workers.execute(
        () -> {
          try {
            SyncOutcome outcome = work.get();
            LOG.fine(() -> "webhook " + n.notificationId() + " (" + n.topic() + "): " + outcome);
          } catch (RuntimeException e) {
            // The hourly poll catches up on what a failed webhook re-sync missed.
            LOG.log(
                Level.WARNING, "webhook " + n.notificationId() + " (" + n.topic() + ") failed", e);
          }
        });
  }

  /** What the receiver says back; Intercom only reads the status. */
  public record Acknowledged(String result, String detail) {}

  /** The envelope fields the receiver routes by. */
  private record Notification(
      String notificationId,
      String topic,
      Optional<String> appId,
      Optional<String> itemId,
      Optional<String> mergedFrom) {

    static Notification read(byte[] body) {
      JsonValue v;
      try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(body))) {
        v = reader.readValue();
      } catch (RuntimeException e) {
        // JsonException, or a plain RuntimeException for nesting deeper than the parser's limit.
        throw new BadRequestException("The body is not valid JSON: " + e.getMessage());
      }
      if (v.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new BadRequestException("A webhook notification is a JSON object.");
      }
      JsonObject o = v.asJsonObject();
      JsonObject item =
          o.get("data") instanceof JsonObject data && data.get("item") instanceof JsonObject i
              ? i
              : JsonValue.EMPTY_JSON_OBJECT;
      // A part's notification may name its conversation apart from its own id.
      Optional<String> itemId =
          text(item, "conversation_id")
              .filter(c -> text(item, "type").orElse("").startsWith("conversation_part"))
              .or(() -> text(item, "id"));
      Optional<String> mergedFrom =
          item.get("merged_from") instanceof JsonObject m ? text(m, "id") : Optional.empty();
      return new Notification(
          text(o, "id").orElse("(no id)"),
          text(o, "topic").orElse(""),
          text(o, "app_id"),
          itemId,
          mergedFrom);
    }

    /** An id the notification must carry, as the domain accepts ids. */
    <T> T id(String field, Optional<String> value, Function<String, T> parse) {
      String raw =
          value.orElseThrow(
              () -> new BadRequestException("The notification has no " + field + "."));
      try {
        return parse.apply(raw);
      } catch (IllegalArgumentException e) {
        throw new BadRequestException("The notification's " + field + " is not a valid id.");
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
  }
}
