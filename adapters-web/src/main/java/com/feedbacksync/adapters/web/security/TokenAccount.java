package com.feedbacksync.adapters.web.security;

import com.feedbacksync.domain.account.AccountId;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAuthorizedException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The account of the verified bearer token that made this request: every query is scoped to it. */
@RequestScoped
public class TokenAccount {

  static final String ACCOUNT_CLAIM = "account";

  @Inject JsonWebToken token;

  /** The account the token acts for; a token without a valid one is refused. */
  public AccountId account() {
    Object claim = token.getClaim(ACCOUNT_CLAIM);
    String value = claim == null ? null : claim.toString().replace("\"", "");
    try {
      return new AccountId(value);
    } catch (IllegalArgumentException e) {
      throw new NotAuthorizedException("the token carries no valid account claim", "Bearer");
    }
  }
}
