package com.feedbacksync.adapters.web.webhook;

import com.feedbacksync.application.model.WebhookDelivery;
import com.feedbacksync.application.model.WebhookItem;
import com.feedbacksync.application.port.in.ReceiveWebhooksUseCase;
import com.feedbacksync.application.port.in.ReceiveWebhooksUseCase.Receipt;
import com.feedbacksync.application.port.out.WebhookNotifications;
import com.feedbacksync.application.port.out.WebhookNotifications.Notification;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Intercom's webhook receiver. No JWT: the signature is the authentication. The body is streamed
 * against a hard limit before anything else (a multi-gigabyte post costs a megabyte of heap), then
 * its signature is checked on the raw bytes. It answers at once: the re-sync is queued, coalesced
 * and bounded, and runs under the account's lease as a {@code WEBHOOK} run (Intercom gives up after
 * 5 seconds and then pauses deliveries); a notification delivered again or created over a day ago
 * is not acted on. It never trusts the payload's content: the conversation or contact is fetched
 * again. What the body asks for is read by the Intercom adapter, through {@link
 * WebhookNotifications}.
 */
@Path("webhooks/intercom")
@RequestScoped
@PermitAll
public class WebhooksResource {

  /** Intercom's notifications are small; anything far larger is not one of them. */
  static final int MAX_BODY_BYTES = 1 << 20;

  @Inject ReceiveWebhooksUseCase webhooks;

  @Inject WebhookNotifications notifications;

  @Inject
  @ConfigProperty(name = "intercom.client.secret")
  Optional<String> clientSecret;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Intercom webhook receiver (signed with X-Hub-Signature, no JWT)")
  @APIResponse(responseCode = "202", description = "Verified; the re-sync is queued")
  @APIResponse(
      responseCode = "200",
      description = "Verified; a topic the sync does not act on, or a notification received before")
  @APIResponse(responseCode = "400", description = "Verified but not a notification, or stale")
  @APIResponse(responseCode = "401", description = "The signature is missing or wrong")
  @APIResponse(responseCode = "413", description = "The body is over 1 MiB")
  public Response receive(
      @HeaderParam("X-Hub-Signature") String signature,
      @Context HttpHeaders headers,
      InputStream body)
      throws IOException {
    byte[] bytes =
        BoundedBody.read(body, headers.getLength(), MAX_BODY_BYTES)
            .orElseThrow(
                () ->
                    new WebApplicationException(
                        "A webhook notification is at most 1 MiB; this body is larger.", 413));
    if (!new WebhookSignature(clientSecret.orElse("")).verifies(bytes, signature)) {
      throw new NotAuthorizedException(
          "The X-Hub-Signature does not match this body and the app's client secret.",
          "X-Hub-Signature");
    }
    Notification notification = notifications.read(bytes);
    if (notification instanceof Notification.Unreadable unreadable) {
      throw new BadRequestException(unreadable.problem());
    }
    if (notification instanceof Notification.Ignored ignored) {
      return Response.ok(new Acknowledged("ignored", ignored.reason())).build();
    }
    return answer(webhooks.receive(delivery(notification)), notification);
  }

  private static WebhookDelivery delivery(Notification notification) {
    if (notification instanceof Notification.ConversationChanged c) {
      return new WebhookDelivery(
          c.notificationId(),
          c.createdAt(),
          c.workspace(),
          List.of(new WebhookItem.Conversation(c.conversation())));
    }
    // The sealed type leaves only this case (JDK 17 has no pattern switch to say so).
    Notification.ContactChanged c = (Notification.ContactChanged) notification;
    List<WebhookItem> items = new ArrayList<>();
    items.add(new WebhookItem.Customer(c.contact()));
    // The merged-away contact is gone in Intercom: fetching it makes its profile a tombstone.
    c.mergedFrom().ifPresent(gone -> items.add(new WebhookItem.Customer(gone)));
    return new WebhookDelivery(c.notificationId(), c.createdAt(), c.workspace(), items);
  }

  private static Response answer(Receipt receipt, Notification notification) {
    if (receipt instanceof Receipt.Stale stale) {
      throw new BadRequestException(stale.reason());
    }
    if (receipt instanceof Receipt.Duplicate) {
      return Response.ok(
              new Acknowledged(
                  "duplicate", "This notification was received before; acted on once."))
          .build();
    }
    if (receipt instanceof Receipt.NoAccount) {
      return Response.ok(
              new Acknowledged("ignored", "No account is connected to this Intercom workspace."))
          .build();
    }
    Receipt.Queued queued = (Receipt.Queued) receipt;
    String what =
        notification instanceof Notification.ConversationChanged c
            ? "conversation " + c.conversation().value()
            : "contact " + ((Notification.ContactChanged) notification).contact().value();
    return Response.accepted(
            new Acknowledged(
                "queued",
                what
                    + (queued.deferredToHourlySync() > 0
                        ? " (the queue is full: the hourly sync takes it)"
                        : "")))
        .build();
  }

  /** What the receiver says back; Intercom only reads the status. */
  public record Acknowledged(String result, String detail) {}
}
