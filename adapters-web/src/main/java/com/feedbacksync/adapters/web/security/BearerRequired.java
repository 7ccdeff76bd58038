package com.feedbacksync.adapters.web.security;

import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A request without an accepted token: 401 with a problem an admin can act on. The server checks
 * tokens only where one is sent (server.xml's authFilter), so the "no token" case is answered here,
 * before the role check would call it a 403. Endpoints marked {@link PermitAll} (the webhook) take
 * none.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class BearerRequired implements ContainerRequestFilter {

  private static final String BEARER = "Bearer ";

  @Context ResourceInfo resource;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.issuer")
  Optional<String> trustedIssuer;

  @Override
  public void filter(ContainerRequestContext request) {
    boolean open =
        resource.getResourceMethod() != null
            && (resource.getResourceMethod().isAnnotationPresent(PermitAll.class)
                || resource.getResourceClass().isAnnotationPresent(PermitAll.class));
    if (!open && request.getSecurityContext().getUserPrincipal() == null) {
      throw new NotAuthorizedException(detail(request.getHeaderString("Authorization")), "Bearer");
    }
  }

  /**
   * A token that was sent but gave no caller was not accepted (the server may also have let it
   * through unverified when its own security setup is broken, e.g. a server.env without the
   * keystore passwords): that is not the same as sending none.
   */
  private String detail(String authorization) {
    if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return RejectedToken.classify(
              authorization.substring(BEARER.length()), trustedIssuer.orElse(""), Instant.now())
          .detail();
    }
    return "A bearer token is required: send 'Authorization: Bearer <token>'.";
  }
}
