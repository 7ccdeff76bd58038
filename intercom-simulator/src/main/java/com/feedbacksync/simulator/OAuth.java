package com.feedbacksync.simulator;

import com.feedbacksync.simulator.Http.Request;
import com.feedbacksync.simulator.Http.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.node.ObjectNode;

/**
 * Intercom's OAuth: the consent page, the admin's Allow (a one-time code), and the exchange of that
 * code for an access token. A simulator of several workspaces takes the one the admin allows from
 * the {@code workspace} parameter (its index, the first if none), as the admin choosing one of
 * their workspaces on Intercom's consent page would.
 */
final class OAuth {

  private final SimulatorConfig config;
  private final Tokens tokens;

  /** Codes handed out and not yet exchanged, with the workspace each is for: each works once. */
  private final Map<String, Integer> codes = new ConcurrentHashMap<>();

  private final SecureRandom random = new SecureRandom();

  OAuth(SimulatorConfig config, Tokens tokens) {
    this.config = config;
    this.tokens = tokens;
  }

  Response consentPage(Request r) {
    String clientId = r.param("client_id");
    String state = r.param("state");
    String redirect = r.param("redirect_uri");
    int workspace;
    try {
      workspace = workspace(r.param("workspace"));
    } catch (IllegalArgumentException e) {
      return Response.html(400, "<h1>Unknown workspace</h1>");
    }
    if (!config.clientId().equals(clientId)) {
      return Response.html(
          400, "<h1>Unknown app</h1><p>No app with client_id " + escape(clientId) + ".</p>");
    }
    if (redirect != null
        && !config.redirectUris().isEmpty()
        && !config.redirectUris().contains(redirect)) {
      return Response.html(400, "<h1>Redirect URL not registered</h1>");
    }
    return Response.html(
        200,
        "<!doctype html><html><head><title>Intercom</title></head><body>"
            + "<h1>Connect to "
            + escape(config.tenant(workspace).workspaceName())
            + "</h1>"
            + "<p>The app would like to read conversations, users and companies, tags and admins.</p>"
            + "<form method=\"post\" action=\"/oauth/allow\">"
            + "<input type=\"hidden\" name=\"client_id\" value=\""
            + escape(clientId)
            + "\">"
            + "<input type=\"hidden\" name=\"workspace\" value=\""
            + workspace
            + "\">"
            + "<input type=\"hidden\" name=\"state\" value=\""
            + escape(state)
            + "\">"
            + "<input type=\"hidden\" name=\"redirect_uri\" value=\""
            + escape(redirect == null ? "" : redirect)
            + "\">"
            + "<button type=\"submit\">Allow</button></form></body></html>");
  }

  /**
   * The admin clicked Allow: redirect with a one-time code (which, like Intercom's, may end in
   * '=').
   */
  Response allow(Request r) {
    Map<String, String> form = r.form();
    if (!config.clientId().equals(form.get("client_id"))) {
      return Response.html(400, "<h1>Unknown app</h1>");
    }
    String redirect = form.getOrDefault("redirect_uri", "");
    if (redirect.isEmpty()) {
      return Response.html(400, "<h1>No redirect URL</h1>");
    }
    int workspace;
    try {
      workspace = workspace(form.get("workspace"));
    } catch (IllegalArgumentException e) {
      return Response.html(400, "<h1>Unknown workspace</h1>");
    }
    byte[] raw = new byte[19];
    random.nextBytes(raw);
    String code = Base64.getEncoder().encodeToString(raw);
    codes.put(code, workspace);
    String sep = redirect.contains("?") ? "&" : "?";
    return Response.redirect(
        redirect
            + sep
            + "code="
            + URLEncoder.encode(code, StandardCharsets.UTF_8)
            + "&state="
            + URLEncoder.encode(form.getOrDefault("state", ""), StandardCharsets.UTF_8));
  }

  /** The app exchanges its code (with its client credentials) for a new access token. */
  Response token(Request r) {
    Map<String, String> form = r.form();
    String code = form.get("code");
    if (!config.clientId().equals(form.get("client_id"))
        || !config.clientSecret().equals(form.get("client_secret"))) {
      return Replies.error(401, "unauthorized", "Unauthorized Client");
    }
    Integer workspace = code == null ? null : codes.remove(code);
    if (workspace == null) {
      return Replies.error(401, "unauthorized", "Unauthorized Code");
    }
    String token = tokens.issue(workspace);
    ObjectNode o = Render.object();
    o.put("token_type", "Bearer");
    o.put("token", token);
    o.put("access_token", token);
    return Replies.ok(o);
  }

  /** The workspace a code not yet exchanged is for (its exchange is that workspace's call). */
  Optional<Integer> workspaceOfCode(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(codes.get(code));
  }

  /** The workspace's index from the parameter: the first if absent, else one that exists. */
  private int workspace(String parameter) {
    if (parameter == null || parameter.isBlank()) {
      return 0;
    }
    int index = Integer.parseInt(parameter.strip());
    config.tenant(index); // throws for a workspace that does not exist
    return index;
  }

  private static String escape(String s) {
    return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
  }
}
