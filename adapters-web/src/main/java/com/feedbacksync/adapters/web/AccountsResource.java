package com.feedbacksync.adapters.web;

import com.feedbacksync.application.port.in.ViewAccountUseCase;
import com.feedbacksync.domain.account.Account;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The caller's account. */
@Path("account")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AccountsResource {

  @Inject ViewAccountUseCase accounts;
  @Inject Caller caller;

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

  /** The wire form of an account. */
  public record AccountJson(String id, String name, String plan) {
    static AccountJson of(Account account) {
      return new AccountJson(account.id().value(), account.name(), account.plan().name());
    }
  }
}
