package com.feedbacksync.adapters.web.api;

import com.feedbacksync.adapters.web.security.Roles;
import com.feedbacksync.adapters.web.security.TokenAccount;
import com.feedbacksync.application.port.in.ChangePlanUseCase;
import com.feedbacksync.application.port.in.ViewAccountUseCase;
import com.feedbacksync.domain.account.Account;
import com.feedbacksync.domain.account.Plan;
import com.feedbacksync.domain.sync.PlanChange;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The caller's account. */
@Path("account")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AccountsResource {

  @Inject ViewAccountUseCase accounts;
  @Inject ChangePlanUseCase plans;
  @Inject TokenAccount caller;

  @GET
  @RolesAllowed({Roles.ADMIN, Roles.MEMBER})
  @Operation(summary = "The account the token acts for: id, name and plan")
  @APIResponse(responseCode = "200", description = "The account")
  @APIResponse(responseCode = "404", description = "The token's account is not known here")
  public AccountJson account() {
    return accounts
        .account(caller.account())
        .map(AccountJson::of)
        .orElseThrow(() -> new NotFoundException("No account with this id is known here."));
  }

  @PUT
  @Path("plan")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      summary =
          "Changes the plan; START to PAID starts the backfill of the history the Start"
              + " limit left out")
  @APIResponse(
      responseCode = "200",
      description = "The account on its new plan, and what happens to its history",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "upgrade",
                      value =
                          """
                          {"account":{"id":"acme","name":"Acme","plan":"PAID"},\
                          "backfill":"Conversations older than 2026-03-02T10:00:00Z are being \
                          synced now.","backfillRun":"5f0c6a9e-1b7d-4a53-9a0e-2f4e1c9d8b11"}""")))
  @APIResponse(responseCode = "400", description = "The body names no known plan")
  @APIResponse(responseCode = "404", description = "The token's account is not known here")
  public PlanChangedJson changePlan(
      @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      examples = @ExampleObject(name = "upgrade", value = "{\"plan\":\"PAID\"}")))
          @NotNull(message = "a JSON body {\"plan\": \"START\" or \"PAID\"} is required")
          @Valid
          PlanRequest body) {
    return plans
        .changePlan(caller.account(), Plan.valueOf(body.plan()))
        .map(PlanChangedJson::of)
        .orElseThrow(() -> new NotFoundException("No account with this id is known here."));
  }

  /** The body of a plan change. */
  public record PlanRequest(
      @NotNull(message = "is required: START or PAID")
          @Pattern(regexp = "START|PAID", message = "must be START or PAID")
          String plan) {}

  /** The account after a plan change, and what it means for its history in words. */
  public record PlanChangedJson(AccountJson account, String backfill, String backfillRun) {
    static PlanChangedJson of(ChangePlanUseCase.PlanChanged changed) {
      String backfill =
          changed.change() instanceof PlanChange.Backfill b
              ? "Conversations older than "
                  + b.olderThan().createdAt()
                  + (changed.backfillRun().isPresent()
                      ? " are being synced now."
                      : " will be synced once the running sync ends.")
              : ((PlanChange.NoBackfill) changed.change()).reason();
      return new PlanChangedJson(
          AccountJson.of(changed.account()), backfill, changed.backfillRun().orElse(null));
    }
  }

  /** The wire form of an account. */
  public record AccountJson(String id, String name, String plan) {
    static AccountJson of(Account account) {
      return new AccountJson(account.id().value(), account.name(), account.plan().name());
    }
  }
}
