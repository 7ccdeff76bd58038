package com.feedbacksync.adapters.web.api;

import com.feedbacksync.adapters.web.api.IntegrationJson.AuthorizeJson;
import com.feedbacksync.adapters.web.api.IntegrationJson.ConnectedJson;
import com.feedbacksync.adapters.web.api.IntegrationJson.RunJson;
import com.feedbacksync.adapters.web.api.IntegrationJson.RunStartedJson;
import com.feedbacksync.adapters.web.api.IntegrationJson.StatusJson;
import com.feedbacksync.adapters.web.api.IntegrationJson.WorkspaceJson;
import com.feedbacksync.adapters.web.audit.AuditNote;
import com.feedbacksync.adapters.web.audit.Audited;
import com.feedbacksync.adapters.web.security.OAuthBrowserBinding;
import com.feedbacksync.adapters.web.security.Roles;
import com.feedbacksync.adapters.web.security.TokenAccount;
import com.feedbacksync.adapters.web.settings.SettingsPage;
import com.feedbacksync.application.model.AuditAction;
import com.feedbacksync.application.model.AuditDetail;
import com.feedbacksync.application.port.in.ConnectIntercomUseCase;
import com.feedbacksync.application.port.in.ConnectIntercomUseCase.Authorization;
import com.feedbacksync.application.port.in.ConnectIntercomUseCase.ConnectOutcome;
import com.feedbacksync.application.port.in.ScheduleSyncsUseCase;
import com.feedbacksync.application.port.in.ViewIntegrationUseCase;
import com.feedbacksync.application.port.out.IntercomFailure;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The account's Intercom integration: connect (OAuth), status, sync now, disconnect. */
@Path("integrations/intercom")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class IntegrationsResource {

  @Inject ConnectIntercomUseCase connecting;
  @Inject ViewIntegrationUseCase integration;
  @Inject ScheduleSyncsUseCase scheduler;
  @Inject TokenAccount caller;
  @Inject JsonWebToken token;
  @Inject Clock clock;
  @Inject AuditNote audit;

  @Inject
  @ConfigProperty(name = "feedbacksync.settings-url", defaultValue = SettingsPage.PATH)
  String settingsUrl;

  @GET
  @RolesAllowed({Roles.ADMIN, Roles.MEMBER})
  @Operation(summary = "Connection state, workspace, last runs and the running sync's progress")
  public StatusJson status() {
    ViewIntegrationUseCase.IntegrationStatus status = integration.status(caller.account());
    return StatusJson.of(status, clock.instant());
  }

  @GET
  @Path("runs")
  @RolesAllowed({Roles.ADMIN, Roles.MEMBER})
  @Operation(summary = "The account's sync runs, newest first: kind, state, times, counts, error")
  @APIResponse(responseCode = "200", description = "The runs")
  @APIResponse(responseCode = "400", description = "The limit is out of range")
  public List<RunJson> runs(@QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
    return integration.runs(caller.account(), limit).stream().map(RunJson::of).toList();
  }

  @GET
  @Path("runs/{id}")
  @RolesAllowed({Roles.ADMIN, Roles.MEMBER})
  @Operation(summary = "One sync run, with its progress while it runs")
  @APIResponse(responseCode = "200", description = "The run")
  @APIResponse(responseCode = "404", description = "No such run in this account")
  public RunJson run(@PathParam("id") String id) {
    return integration
        .run(caller.account(), id)
        .map(RunJson::of)
        .orElseThrow(() -> new NotFoundException("No sync run with this id in your account."));
  }

  @POST
  @Path("connect")
  @RolesAllowed(Roles.ADMIN)
  @Audited(AuditAction.CONNECT)
  @Operation(
      summary =
          "Starts OAuth: where to send the admin to allow access. Sets a cookie that binds the flow"
              + " to this browser: the callback of a browser without it is refused.")
  @APIResponse(
      responseCode = "503",
      description = "This server has no Intercom app configured; the problem names what to set")
  public Response connect(@Context UriInfo uri, @Context HttpServletRequest request) {
    Authorization started;
    try {
      started = connecting.begin(caller.account(), token.getName());
    } catch (IntercomFailure.NotConfigured e) {
      // The operator's to fix, not the admin's: say exactly what is missing, not "an incident".
      throw new ServiceUnavailableException(
          "Intercom is not configured on this server, so nothing can be connected yet. The"
              + " operator has to set: "
              + String.join("; ", e.missing())
              + ".");
    }
    return Response.ok(new AuthorizeJson(started.url()))
        .cookie(OAuthBrowserBinding.bind(started.state(), callbackUri(uri), request.isSecure()))
        .build();
  }

  private static URI callbackUri(UriInfo uri) {
    return uri.getBaseUriBuilder().path("integrations/intercom/callback").build();
  }

  @GET
  @Path("callback")
  @PermitAll
  @Audited(AuditAction.CONNECTED)
  @Operation(
      summary =
          "Intercom's redirect of the admin's browser: no bearer token, the single-use state"
              + " authenticates it; finishes the connection, starts the first sync and answers 303"
              + " to the settings page with ?outcome=connected or ?outcome=<error code>. With a"
              + " bearer token (scripts) it answers JSON or a problem instead.")
  @APIResponse(responseCode = "303", description = "To the settings page, with the outcome")
  @APIResponse(responseCode = "200", description = "Connected (bearer token sent)")
  @APIResponse(responseCode = "400", description = "Unknown, used or expired state (token sent)")
  @APIResponse(responseCode = "403", description = "Intercom refused a missing permission")
  @APIResponse(responseCode = "422", description = "Intercom refused the workspace (plan)")
  @APIResponse(responseCode = "502", description = "Intercom kept failing (token sent)")
  public Response callback(
      @QueryParam("code") String code,
      @QueryParam("state") String state,
      @CookieParam(OAuthBrowserBinding.COOKIE) String boundState,
      @Context SecurityContext security,
      @Context UriInfo uri,
      @Context HttpServletRequest request) {
    boolean script = security.getUserPrincipal() != null;
    if (script && !security.isUserInRole(Roles.ADMIN)) {
      throw new ForbiddenException("Only an admin may connect Intercom.");
    }
    if (!script && !OAuthBrowserBinding.matches(boundState, state)) {
      // Not the browser that started this flow: refused without using the state up, so the admin
      // whose flow it is can still finish it.
      return Response.seeOther(settingsPage(request, "unknown_state")).build();
    }
    ConnectOutcome outcome =
        connecting.finish(
            state, code, script ? Optional.of(token.getName()) : Optional.<String>empty());
    if (outcome instanceof ConnectOutcome.Connected connected) {
      // The state names the admin: a browser's redirect carries no token that would.
      audit.actedFor(connected.account(), connected.admin());
      audit.detail(() -> AuditDetail.connected(connected.workspace()));
    }
    if (!script) {
      return Response.seeOther(settingsPage(request, outcome.code()))
          .cookie(OAuthBrowserBinding.forget(callbackUri(uri), request.isSecure()))
          .build();
    }
    if (outcome instanceof ConnectOutcome.Connected connected) {
      return Response.ok(
              new ConnectedJson(
                  "CONNECTED",
                  WorkspaceJson.of(connected.workspace()),
                  connected.firstSyncRun().orElse(null)))
          .build();
    }
    if (outcome instanceof ConnectOutcome.Refused refused) {
      throw new ClientErrorException(refused.reason(), 422);
    }
    if (outcome instanceof ConnectOutcome.MissingPermission missing) {
      throw new ForbiddenException(missing.reason());
    }
    if (outcome instanceof ConnectOutcome.IntercomUnavailable unavailable) {
      throw new WebApplicationException(unavailable.reason(), Response.Status.BAD_GATEWAY);
    }
    throw new BadRequestException(((ConnectOutcome.InvalidState) outcome).reason());
  }

  /**
   * The settings page, absolute: JAX-RS would resolve a relative location against the API's base
   * ({@code /api/v1}), not the server's root where the page is served.
   */
  private URI settingsPage(HttpServletRequest request, String outcome) {
    URI configured = URI.create(settingsUrl);
    URI page =
        configured.isAbsolute()
            ? configured
            : URI.create(request.getRequestURL().toString())
                .resolve(request.getContextPath() + settingsUrl);
    return UriBuilder.fromUri(page).queryParam("outcome", outcome).build();
  }

  @POST
  @Path("sync")
  @RolesAllowed(Roles.ADMIN)
  @Audited(AuditAction.SYNC_NOW)
  @Operation(summary = "Starts a sync now; 409 when one is already running")
  public Response syncNow() {
    return scheduler
        .syncNow(caller.account())
        .map(
            run -> {
              audit.detail(() -> AuditDetail.syncStarted(run));
              return Response.accepted(new RunStartedJson(run)).build();
            })
        .orElseThrow(
            () ->
                new ClientErrorException(
                    "A sync is already running, or Intercom is not connected.",
                    Response.Status.CONFLICT));
  }

  @DELETE
  @RolesAllowed(Roles.ADMIN)
  @Audited(AuditAction.DISCONNECT)
  @Operation(summary = "Disconnects; purge=true also deletes the synced documents and profiles")
  public Response disconnect(@QueryParam("purge") boolean purge) {
    audit.detail(() -> AuditDetail.disconnect(purge));
    connecting.disconnect(caller.account(), purge);
    return Response.noContent().build();
  }
}
