package com.feedbacksync.adapters.web.webhook;

import com.feedbacksync.application.model.SyncOutcome;
import com.feedbacksync.application.port.in.SyncIntercomUseCase;
import com.feedbacksync.application.port.out.WebhookNotifications;
import com.feedbacksync.application.port.out.WebhookNotifications.Notification;
import com.feedbacksync.domain.intercom.WorkspaceId;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Intercom's webhook receiver. No JWT: the signature is the authentication. It answers at once and
 * queues the re-sync (Intercom gives up after 5 seconds and then pauses deliveries), and it never
 * trusts the payload's content: the conversation or contact is fetched again. What the body asks
 * for is read by the Intercom adapter, through {@link WebhookNotifications}.
 */
@Path("webhooks/intercom")
@RequestScoped
@PermitAll
public class WebhooksResource {

  private static final Logger LOG = Logger.getLogger(WebhooksResource.class.getName());

  /** Intercom's notifications are small; anything far larger is not one of them. */
  static final int MAX_BODY_BYTES = 1 << 20;

  @Inject SyncIntercomUseCase sync;

  @Inject WebhookNotifications notifications;

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
    Notification notification = notifications.read(body);
    if (notification instanceof Notification.Unreadable unreadable) {
      throw new BadRequestException(unreadable.problem());
    }
    if (notification instanceof Notification.Ignored ignored) {
      return Response.ok(new Acknowledged("ignored", ignored.reason())).build();
    }
    if (notification instanceof Notification.ConversationChanged c) {
      queue(
          c.notificationId(), c.topic(), c.workspace(), sync::resyncConversation, c.conversation());
      return Response.accepted(new Acknowledged("queued", "conversation " + c.conversation()))
          .build();
    }
    // The sealed type leaves only this case (JDK 17 has no pattern switch to say so).
    Notification.ContactChanged c = (Notification.ContactChanged) notification;
    queue(c.notificationId(), c.topic(), c.workspace(), sync::resyncContact, c.contact());
    // The merged-away contact is gone in Intercom: fetching it makes its profile a tombstone.
    c.mergedFrom()
        .ifPresent(
            gone -> queue(c.notificationId(), c.topic(), c.workspace(), sync::resyncContact, gone));
    return Response.accepted(new Acknowledged("queued", "contact " + c.contact().value())).build();
  }

  /**
   * Re-syncs {@code item} of {@code workspace} on a worker, so Intercom gets its answer at once.
   */
  private <T> void queue(
      String notificationId,
      String topic,
      WorkspaceId workspace,
      BiFunction<WorkspaceId, T, SyncOutcome> resync,
      T item) {
    workers.execute(
        () -> {
          try {
            SyncOutcome outcome = resync.apply(workspace, item);
            LOG.fine(() -> "webhook " + notificationId + " (" + topic + "): " + outcome);
          } catch (RuntimeException e) {
            // The hourly poll catches up on what a failed webhook re-sync missed.
            LOG.log(Level.WARNING, "webhook " + notificationId + " (" + topic + ") failed", e);
          }
        });
  }

  /** What the receiver says back; Intercom only reads the status. */
  public record Acknowledged(String result, String detail) {}
}
