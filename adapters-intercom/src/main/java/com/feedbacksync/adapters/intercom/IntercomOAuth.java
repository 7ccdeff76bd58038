package com.feedbacksync.adapters.intercom;

import com.feedbacksync.application.model.AccessToken;
import com.feedbacksync.application.port.out.IntercomAuthorization;
import com.feedbacksync.application.port.out.IntercomFailure;
import com.feedbacksync.domain.intercom.Region;
import com.feedbacksync.domain.intercom.Workspace;
import com.feedbacksync.domain.sync.AccessProbe;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Intercom's OAuth flow: the consent page, the code exchange at {@code /auth/eagle/token}, and
 * {@code GET /me} for the workspace's id, name and region.
 */
public final class IntercomOAuth implements IntercomAuthorization, AutoCloseable {

  private final IntercomSettings settings;
  private final List<String> notConfigured;
  private final IntercomHttp http;
  private final Clock clock;
  private final PacingMeter pacing;

  /** For tests that read no metrics: the pacing's waits go uncounted. */
  IntercomOAuth(IntercomSettings settings, IntercomHttp http, Clock clock) {
    this(settings, List.of(), http, clock);
  }

  /** For tests that read no metrics: the pacing's waits go uncounted. */
  IntercomOAuth(
      IntercomSettings settings, List<String> notConfigured, IntercomHttp http, Clock clock) {
    this(settings, notConfigured, http, clock, wait -> {});
  }

  /**
   * @param notConfigured what makes the app unusable; connecting refuses while it is not empty
   */
  IntercomOAuth(
      IntercomSettings settings,
      List<String> notConfigured,
      IntercomHttp http,
      Clock clock,
      PacingMeter pacing) {
    this.settings = settings;
    this.notConfigured = List.copyOf(notConfigured);
    this.http = http;
    this.clock = clock;
    this.pacing = pacing;
  }

  /** Over the MicroProfile REST Client, for settings made by hand (tests). */
  public static IntercomOAuth overRestClient(IntercomSettings settings, Clock clock) {
    return new IntercomOAuth(settings, new RestClientHttp(settings), clock);
  }

  /**
   * In the server, for the configured app: refuses to connect while the app is unusable; its calls
   * (the code exchange, /me, the access probe) are counted by the meters like the syncs' calls.
   */
  public static IntercomOAuth overRestClient(
      IntercomApp app,
      IntercomSettings settings,
      Clock clock,
      CallMeter meter,
      PacingMeter pacing) {
    return new IntercomOAuth(
        settings,
        app.problems(),
        new MeteredHttp(new RestClientHttp(settings), meter),
        clock,
        pacing);
  }

  @Override
  public String authorizeUrl(String state) {
    requireApp();
    return settings.authorizeUrl()
        + "?client_id="
        + encode(settings.clientId())
        + "&state="
        + encode(state)
        + "&redirect_uri="
        + encode(settings.redirectUri().toString());
  }

  @Override
  public AccessToken exchange(String code) {
    requireApp();
    // The code may end with '=': it is passed on exactly as Intercom gave it, form-encoded once.
    Map<String, String> form =
        Map.of(
            "code",
            code,
            "client_id",
            settings.clientId(),
            "client_secret",
            settings.clientSecret());
    JsonObject answer =
        calls()
            .json("the code exchange", () -> http.exchangeCode(settings.tokenApi(), form))
            .orElseThrow(() -> new IntercomFailure.Rejected("the code exchange answered 404"));
    String token =
        IntercomJson.text(answer, "access_token")
            .or(() -> IntercomJson.text(answer, "token"))
            .orElseThrow(
                () ->
                    new IntercomFailure.Unavailable("Intercom's token answer has no token", null));
    return new AccessToken(token);
  }

  @Override
  public Workspace identify(AccessToken token) {
    // /me answers on the US host for every region; the region it names picks the host afterwards.
    URI api = settings.api(Region.US);
    return calls()
        .json("/me", () -> http.me(api, token.value()))
        .map(IntercomJson::workspace)
        .orElseThrow(() -> new IntercomFailure.Rejected("/me answered 404"));
  }

  @Override
  public AccessProbe probe(AccessToken token, Workspace workspace) {
    URI api = settings.api(workspace.region());
    String oneConversation =
        "{\"query\":{\"field\":\"id\",\"operator\":\">\",\"value\":0},\"pagination\":{\"per_page\":1}}";
    try {
      calls()
          .json(
              "the access check",
              () -> http.searchConversations(api, token.value(), oneConversation));
      return new AccessProbe.Granted(workspace);
    } catch (IntercomFailure.NoApiAccess e) {
      return new AccessProbe.PlanRestricted(workspace, e.getMessage());
    } catch (IntercomFailure.AuthorizationRevoked e) {
      return new AccessProbe.Unauthorized(e.getMessage());
    }
  }

  private void requireApp() {
    if (!notConfigured.isEmpty()) {
      throw new IntercomFailure.NotConfigured(notConfigured);
    }
    if (settings.clientId().isBlank() || settings.clientSecret().isBlank()) {
      throw new IntercomFailure.NotConfigured(
          List.of("INTERCOM_CLIENT_ID and INTERCOM_CLIENT_SECRET are not set"));
    }
  }

  private RetryingCalls calls() {
    return new RetryingCalls(settings, new Pacer(clock, pacing));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** Closes the HTTP clients when the application stops. */
  @Override
  public void close() {
    http.close();
  }
}
