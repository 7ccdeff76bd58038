package com.feedbacksync.adapters.web.api;

import com.feedbacksync.adapters.web.audit.Audited;
import com.feedbacksync.adapters.web.security.Roles;
import com.feedbacksync.adapters.web.security.TokenAccount;
import com.feedbacksync.application.model.AuditAction;
import com.feedbacksync.application.port.in.ViewAccountUseCase;
import com.feedbacksync.domain.account.Account;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The caller's account: its admins and members read it; the research repository sets it. */
@Path("account")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AccountsResource {

  @Inject ViewAccountUseCase accounts;
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
  @RolesAllowed({Roles.ADMIN, Roles.MEMBER})
  @Audited(AuditAction.PLAN_CHANGE)
  @Operation(
      summary =
          "No longer changes the plan: the research repository sets it (PUT"
              + " /api/v1/accounts/{id} with its service token). Answers 403 saying so.",
      deprecated = true)
  @APIResponse(responseCode = "403", description = "Plans are set by the research repository")
  public Response changePlan() {
    // An admin switching their own account to the paid plan was a hole: the repository bills.
    throw new ForbiddenException(
        "An account's plan is set by the research repository, not by its admins; GET"
            + " /api/v1/account shows it.");
  }

  /** The wire form of an account. */
  public record AccountJson(String id, String name, String plan) {
    static AccountJson of(Account account) {
      return new AccountJson(account.id().value(), account.name(), account.plan().name());
    }
  }
}
