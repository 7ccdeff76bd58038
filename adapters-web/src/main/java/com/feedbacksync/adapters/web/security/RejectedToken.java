package com.feedbacksync.adapters.web.security;

import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Why the server refused a bearer token it was sent, by class only: an admin learns whether to
 * fetch a fresh token or to ask who issued it, and nothing about what this server expects (no
 * issuer, key or claim value is echoed). The server has already refused the token; this reads its
 * unverified claims only to name the likeliest reason.
 */
public enum RejectedToken {
  MALFORMED("it is not a well-formed JWT (header.payload.signature)"),
  EXPIRED("it has expired; get a fresh one"),
  WRONG_ISSUER("its issuer is not the one this service trusts"),
  BAD_SIGNATURE("its signature could not be verified with the key this service trusts");

  private static final JsonProvider JSON = JsonProvider.provider();

  private final String reason;

  RejectedToken(String reason) {
    this.reason = reason;
  }

  /** The problem's detail: says the token was sent and refused, and the reason class. */
  public String detail() {
    return "The bearer token was not accepted: " + reason + ".";
  }

  /**
   * The reason class of a refused token.
   *
   * @param token the token as sent, without the {@code Bearer } prefix
   * @param trustedIssuer the issuer this server trusts
   */
  public static RejectedToken classify(String token, String trustedIssuer, Instant now) {
    String[] parts = token.strip().split("\\.", -1);
    if (parts.length != 3 || parts[2].isEmpty()) {
      return MALFORMED;
    }
    JsonObject claims;
    try (var reader =
        JSON.createReader(
            new StringReader(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)))) {
      claims = reader.readObject();
    } catch (IllegalArgumentException | JsonException e) {
      return MALFORMED;
    }
    if (claims.get("exp") instanceof JsonNumber exp
        && !Instant.ofEpochSecond(exp.longValue()).isAfter(now)) {
      return EXPIRED;
    }
    if (!(claims.get("iss") instanceof JsonString iss) || !iss.getString().equals(trustedIssuer)) {
      return WRONG_ISSUER;
    }
    return BAD_SIGNATURE;
  }
}
