package com.feedbacksync.adapters.web.problem;

import com.feedbacksync.adapters.web.security.RejectedToken;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The error pages of web.xml: what the server answers itself (a missing or invalid token, an
 * unknown path) in the same RFC 9457 form as the API's own errors, never the server's HTML page.
 */
@WebServlet("/problems/*")
public class ProblemPages extends HttpServlet {

  /** Looked up once: {@code Json.*} looks the provider up through the class loaders every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private static final Map<Integer, String> TITLES =
      Map.of(
          401, "Unauthorized",
          403, "Forbidden",
          404, "Not Found",
          405, "Method Not Allowed",
          500, "Internal Server Error");

  private static final Map<Integer, String> DETAILS =
      Map.of(
          401,
          "A bearer token is required: send 'Authorization: Bearer <token>' with a token this"
              + " service trusts, not expired, carrying your account.",
          403,
          "Your role does not allow this: reading needs the member or admin role, changing"
              + " settings needs admin.",
          404,
          "Nothing is here. The API lives under /api/v1; /openapi/ui documents it.",
          405,
          "This path does not take this method; /openapi/ui lists what it takes.",
          500,
          "Something went wrong on our side.");

  private static final String BEARER = "Bearer ";

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.issuer")
  Optional<String> trustedIssuer;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : response.getStatus();
    if (!TITLES.containsKey(status)) {
      status = 404;
    }
    String detail = DETAILS.get(status);
    String sent = request.getHeader("Authorization");
    if (status == 401 && sent != null && sent.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      // A token was sent and the server refused it: not the same as sending none.
      detail =
          RejectedToken.classify(
                  sent.substring(BEARER.length()), trustedIssuer.orElse(""), Instant.now())
              .detail();
    }
    response.setStatus(status);
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response
        .getWriter()
        .write(
            JSON.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", TITLES.get(status))
                .add("status", status)
                .add("detail", detail)
                .build()
                .toString());
  }
}
