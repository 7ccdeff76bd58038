package com.feedbacksync.adapters.web.api;

import com.feedbacksync.adapters.web.api.FeedbackJson.PageJson;
import com.feedbacksync.adapters.web.security.Roles;
import com.feedbacksync.adapters.web.security.TokenAccount;
import com.feedbacksync.application.model.AuditEntry;
import com.feedbacksync.application.port.in.ViewAuditUseCase;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Who did what to the account's integration and when: connect, disconnect and purge, sync now,
 * settings and plan changes, and the research repository's updates of the account; refusals too.
 */
@Path("integrations/intercom/audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

  @Inject ViewAuditUseCase audit;
  @Inject TokenAccount caller;

  @GET
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "The account's audit trail, newest first, cursor-paged (admins only)")
  @APIResponse(
      responseCode = "200",
      description =
          "A page of entries: who (the token's subject and role), when, what (action and a small"
              + " detail), and the outcome with the HTTP status; pass nextCursor back as cursor",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "page",
                      value =
                          """
                          {"items":[{"id":"0b7f0c7e-3f0a-4f57-9a34-5d3c1b0e2a11",\
                          "at":"2026-12-01T10:00:00Z","actor":"ada","role":"admin",\
                          "action":"SETTINGS_CHANGE","detail":{"includeInternalNotes":"true"},\
                          "outcome":"succeeded","status":200}],"nextCursor":null}""")))
  @APIResponse(responseCode = "400", description = "The cursor or the limit is invalid")
  @APIResponse(responseCode = "403", description = "Only the account's admins read its audit")
  public PageJson<AuditEntryJson> entries(
      @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor")
          String cursor,
      @Parameter(description = "page size, 1 to 100")
          @QueryParam("limit")
          @DefaultValue("25")
          @Min(1)
          @Max(ViewAuditUseCase.MAX_LIMIT)
          int limit) {
    return PageJson.of(
        audit.entries(caller.account(), Responses.after(cursor), limit), AuditEntryJson::of);
  }

  /** One recorded action. */
  public record AuditEntryJson(
      String id,
      Instant at,
      String actor,
      String role,
      String action,
      Map<String, String> detail,
      String outcome,
      int status) {
    static AuditEntryJson of(AuditEntry entry) {
      var e = entry.event();
      return new AuditEntryJson(
          entry.id(),
          entry.at(),
          e.actor().subject(),
          e.actor().role(),
          e.action().name(),
          e.detail().fields(),
          e.outcome().name(),
          e.outcome().status());
    }
  }
}
