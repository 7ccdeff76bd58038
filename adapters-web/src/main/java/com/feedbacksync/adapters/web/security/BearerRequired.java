package com.feedbacksync.adapters.web.security;

import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * A request without a token: 401 with a problem an admin can act on. The server checks tokens only
 * where one is sent (server.xml's authFilter), so the "no token" case is answered here, before the
 * role check would call it a 403. Endpoints marked {@link PermitAll} (the webhook) take none.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class BearerRequired implements ContainerRequestFilter {

  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    boolean open =
        resource.getResourceMethod() != null
            && (resource.getResourceMethod().isAnnotationPresent(PermitAll.class)
                || resource.getResourceClass().isAnnotationPresent(PermitAll.class));
    if (!open && request.getSecurityContext().getUserPrincipal() == null) {
      throw new NotAuthorizedException(
          "A bearer token is required: send 'Authorization: Bearer <token>'.", "Bearer");
    }
  }
}
