package com.feedbacksync.adapters.web.api;

import com.feedbacksync.adapters.web.api.FeedbackJson.PageJson;
import com.feedbacksync.adapters.web.security.Roles;
import com.feedbacksync.adapters.web.security.TokenAccount;
import com.feedbacksync.application.model.ItemKind;
import com.feedbacksync.application.model.SkippedItem;
import com.feedbacksync.application.model.SliceCursor;
import com.feedbacksync.application.port.in.ViewSkippedItemsUseCase;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * What the syncs left out, each with its reason: dead letters (unreadable after the retries, tried
 * again by later runs) and conversations without a customer reply.
 */
@Path("integrations/intercom/skipped")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.MEMBER})
public class SkippedResource {

  @Inject ViewSkippedItemsUseCase skipped;
  @Inject TokenAccount caller;

  @GET
  @Operation(summary = "Conversations and contacts not synced, each with its reason, cursor-paged")
  @APIResponse(
      responseCode = "200",
      description = "A page of skipped items, newest first; pass nextCursor back as cursor",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "page",
                      value =
                          """
                          {"items":[{"intercomId":"215474154200001","kind":"CONVERSATION",\
                          "reason":"UNREADABLE","detail":"Intercom did not answer properly\
                           after several tries: conversation 215474154200001 answered 500",\
                          "attempts":2,"firstSeen":"2026-11-26T16:40:00Z",\
                          "lastSeen":"2026-11-26T17:40:00Z"}],"nextCursor":null}""")))
  @APIResponse(responseCode = "400", description = "The cursor or the limit is invalid")
  public PageJson<SkippedItemJson> skipped(
      @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor")
          String cursor,
      @Parameter(description = "page size, 1 to 100")
          @QueryParam("limit")
          @DefaultValue("25")
          @Min(1)
          @Max(ViewSkippedItemsUseCase.MAX_LIMIT)
          int limit) {
    Optional<SliceCursor> after = Responses.after(cursor);
    after.ifPresent(SkippedResource::requireItemKey);
    return PageJson.of(skipped.skipped(caller.account(), after, limit), SkippedItemJson::of);
  }

  /** The cursor's id is {@code KIND:intercomId}, as this resource hands it out. */
  private static void requireItemKey(SliceCursor cursor) {
    String[] key = cursor.id().split(":", 2);
    boolean valid =
        key.length == 2
            && !key[1].isEmpty()
            && (key[0].equals(ItemKind.CONVERSATION.name())
                || key[0].equals(ItemKind.CONTACT.name()));
    if (!valid) {
      throw new BadRequestException(
          "The cursor is not one this service handed out; start again without it.");
    }
  }

  /** One item left out, and why (the detail names no token and no secret). */
  public record SkippedItemJson(
      String intercomId,
      String kind,
      String reason,
      String detail,
      int attempts,
      Instant firstSeen,
      Instant lastSeen) {
    static SkippedItemJson of(SkippedItem i) {
      return new SkippedItemJson(
          i.intercomId(),
          i.kind().name(),
          i.reason().name(),
          i.detail(),
          i.attempts(),
          i.firstSeen(),
          i.lastSeen());
    }
  }
}
