package com.feedbacksync.adapters.web;

import com.feedbacksync.domain.account.AccountId;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAuthorizedException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling, from the verified token: every query is scoped to the token's account. */
@RequestScoped
public class Caller {

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
