package com.feedbacksync.adapters.web.api;

import com.feedbacksync.adapters.web.api.AccountsResource.AccountJson;
import com.feedbacksync.adapters.web.audit.AuditNote;
import com.feedbacksync.adapters.web.audit.Audited;
import com.feedbacksync.adapters.web.security.Roles;
import com.feedbacksync.application.model.AuditAction;
import com.feedbacksync.application.model.AuditDetail;
import com.feedbacksync.application.port.in.ChangePlanUseCase;
import com.feedbacksync.application.port.in.SaveAccountUseCase;
import com.feedbacksync.application.port.in.SaveAccountUseCase.IdClash;
import com.feedbacksync.application.port.in.SaveAccountUseCase.Saved;
import com.feedbacksync.application.port.in.SaveAccountUseCase.SavedAccount;
import com.feedbacksync.application.port.in.ViewAccountUseCase;
import com.feedbacksync.domain.account.Account;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.account.Plan;
import com.feedbacksync.domain.sync.PlanChange;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The research repository's own endpoint: it creates its accounts here and sets their names and
 * plans, with a token it signs for itself ({@code groups: ["service"]}, no {@code account} claim).
 * Account admins and members are refused (403); the service reads no account's data.
 */
@Path("accounts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RepositoryAccountsResource {

  /** The shape {@link AccountId} takes, checked first so a bad id is a 400 naming the field. */
  private static final String ID_SHAPE = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

  @Inject SaveAccountUseCase saving;
  @Inject ViewAccountUseCase viewing;
  @Inject AuditNote audit;

  @GET
  @Path("{id}")
  @RolesAllowed(Roles.SERVICE)
  @Operation(summary = "An account as stored: id, name and plan")
  @APIResponse(responseCode = "200", description = "The account")
  @APIResponse(responseCode = "404", description = "No account with this id")
  public AccountJson account(
      @PathParam("id")
          @Pattern(
              regexp = ID_SHAPE,
              message =
                  "is 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit")
          String id) {
    return viewing
        .account(new AccountId(id))
        .map(AccountJson::of)
        .orElseThrow(() -> new NotFoundException("No account with this id is known here."));
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.SERVICE)
  @Audited(value = AuditAction.ACCOUNT_SAVE, account = Audited.AccountFrom.PATH_ID)
  @Operation(
      summary =
          "Creates the account (201) or brings it to this name and plan (200); START to PAID"
              + " starts the backfill of the history the Start limit left out")
  @APIResponse(
      responseCode = "200",
      description = "The account as stored now, and what a plan change means for its history",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "upgrade",
                      value =
                          """
                          {"account":{"id":"acme","name":"Acme Research","plan":"PAID"},\
                          "created":false,"backfill":"Conversations older than \
                          2026-03-02T10:00:00Z are being synced now.",\
                          "backfillRun":"5f0c6a9e-1b7d-4a53-9a0e-2f4e1c9d8b11"}""")))
  @APIResponse(responseCode = "201", description = "Created")
  @APIResponse(responseCode = "400", description = "An invalid id, name or plan, each named")
  @APIResponse(responseCode = "403", description = "Not the research repository's token")
  @APIResponse(
      responseCode = "409",
      description = "The id differs from a stored account's only in letter case; nothing saved")
  public Response save(
      @PathParam("id")
          @Pattern(
              regexp = ID_SHAPE,
              message =
                  "is 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit")
          String id,
      @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      examples =
                          @ExampleObject(
                              name = "create",
                              value = "{\"name\":\"Acme Research\",\"plan\":\"START\"}")))
          @NotNull(
              message = "a JSON body {\"name\": ..., \"plan\": \"START\" or \"PAID\"} is required")
          @Valid
          AccountRequest body,
      @jakarta.ws.rs.core.Context UriInfo uri) {
    Saved outcome =
        saving.save(new Account(new AccountId(id), body.name().strip(), Plan.valueOf(body.plan())));
    if (outcome instanceof IdClash clash) {
      throw new ClientErrorException(
          "The id "
              + clash.requested().value()
              + " differs from the stored account "
              + clash.stored().value()
              + " only in letter case, which this service does not tell apart; nothing was saved."
              + " Use the stored id, or another one.",
          Response.Status.CONFLICT);
    }
    SavedAccount saved = (SavedAccount) outcome;
    audit.detail(
        () ->
            AuditDetail.accountSaved(
                saved.account().plan(), saved.created(), saved.planChange().isPresent()));
    SavedJson json =
        new SavedJson(
            AccountJson.of(saved.account()),
            saved.created(),
            saved.planChange().map(RepositoryAccountsResource::backfill).orElse(null),
            saved.planChange().flatMap(ChangePlanUseCase.PlanChanged::backfillRun).orElse(null));
    return saved.created()
        ? Response.created(uri.getAbsolutePath()).entity(json).build()
        : Response.ok(json).build();
  }

  /** What a plan change means for the account's history, in words. */
  private static String backfill(ChangePlanUseCase.PlanChanged changed) {
    return changed.change() instanceof PlanChange.Backfill b
        ? "Conversations older than "
            + b.olderThan().createdAt()
            + (changed.backfillRun().isPresent()
                ? " are being synced now."
                : " will be synced once the running sync ends.")
        : ((PlanChange.NoBackfill) changed.change()).reason();
  }

  /** The body of a create or update: the whole account but its id. */
  public record AccountRequest(
      @NotBlank(message = "is required: the account's name")
          @Size(max = 200, message = "has at most 200 characters")
          String name,
      @NotNull(message = "is required: START or PAID")
          @Pattern(regexp = "START|PAID", message = "must be START or PAID")
          String plan) {}

  /**
   * The account as stored, whether this call created it, and, when its plan changed, what that
   * means for its history (and the backfill run it started).
   */
  public record SavedJson(
      AccountJson account, boolean created, String backfill, String backfillRun) {}
}
