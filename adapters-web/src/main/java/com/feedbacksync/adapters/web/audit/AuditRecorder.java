package com.feedbacksync.adapters.web.audit;

import com.feedbacksync.adapters.web.security.Roles;
import com.feedbacksync.adapters.web.security.TokenAccount;
import com.feedbacksync.application.model.AuditActor;
import com.feedbacksync.application.model.AuditDetail;
import com.feedbacksync.application.model.AuditEvent;
import com.feedbacksync.application.model.AuditOutcome;
import com.feedbacksync.application.port.in.RecordAuditUseCase;
import com.feedbacksync.domain.account.AccountId;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Records every call of an {@link Audited} method once its answer is known. A response filter, not
 * the application services, because most refusals never reach a service: the role check (403), Bean
 * Validation (400) and the resource's own conflicts (409) answer before or instead of it, and an
 * audit trail that shows only what succeeded hides exactly the attempts worth seeing. A call no
 * verified caller made (401, a browser's redirect of an unknown flow) names nobody and is not
 * recorded. Recording cannot change the answer: a failure to record is logged, not raised.
 */
@Provider
@Priority(Priorities.USER)
public class AuditRecorder implements ContainerResponseFilter {

  private static final Logger LOG = Logger.getLogger(AuditRecorder.class.getName());

  /** Most specific first: a token may carry several groups. */
  private static final List<String> ROLES = List.of(Roles.SERVICE, Roles.ADMIN, Roles.MEMBER);

  @Context ResourceInfo resource;

  @Inject AuditNote note;
  @Inject TokenAccount caller;
  @Inject JsonWebToken token;
  @Inject RecordAuditUseCase audit;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Audited audited =
        resource.getResourceMethod() == null
            ? null
            : resource.getResourceMethod().getAnnotation(Audited.class);
    if (audited == null) {
      return;
    }
    try {
      event(audited, request, response.getStatus()).ifPresent(audit::record);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "could not record "
              + audited.value()
              + " (answered "
              + response.getStatus()
              + ")"
              + " in the audit trail",
          e);
    }
  }

  private Optional<AuditEvent> event(Audited audited, ContainerRequestContext request, int status) {
    Optional<AuditActor> actor = note.actor().or(() -> verifiedCaller(request));
    Optional<AccountId> account = note.account().or(() -> actedOn(audited, request));
    if (actor.isEmpty() || account.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new AuditEvent(
            account.get(), actor.get(), audited.value(), detail(), AuditOutcome.of(status)));
  }

  private AuditDetail detail() {
    try {
      return note.detail().get();
    } catch (IllegalArgumentException e) {
      LOG.warning(() -> "an audit detail was refused and left out: " + e.getMessage());
      return AuditDetail.none();
    }
  }

  private Optional<AuditActor> verifiedCaller(ContainerRequestContext request) {
    SecurityContext security = request.getSecurityContext();
    if (security.getUserPrincipal() == null) {
      return Optional.empty();
    }
    String subject =
        Optional.ofNullable(token.getSubject()).orElse(security.getUserPrincipal().getName());
    String role = ROLES.stream().filter(security::isUserInRole).findFirst().orElse("none");
    return Optional.of(new AuditActor(bounded(subject), role));
  }

  private Optional<AccountId> actedOn(Audited audited, ContainerRequestContext request) {
    try {
      // Only the research repository's service acts on an account named in the path. Anyone else
      // who tries (refused with 403) is filed under their own account: otherwise any user could
      // write into a stranger's trail by naming it.
      if (audited.account() == Audited.AccountFrom.PATH_ID
          && request.getSecurityContext().isUserInRole("service")) {
        String id = request.getUriInfo().getPathParameters().getFirst("id");
        return id == null ? Optional.empty() : Optional.of(new AccountId(id));
      }
      return Optional.of(caller.account());
    } catch (IllegalArgumentException | WebApplicationException e) {
      // No valid account (a malformed id, a token without the claim): nothing to file it under.
      return Optional.empty();
    }
  }

  /** A subject within what the trail stores. */
  static String bounded(String subject) {
    return subject.length() <= AuditActor.MAX_SUBJECT
        ? subject
        : subject.substring(0, AuditActor.MAX_SUBJECT);
  }
}
