package com.feedbacksync.adapters.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** A refused bearer token is answered with its reason class, and nothing more. */
class RejectedTokenTest {

  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
  private static final String ISSUER = "feedback-sync";

  @Test
  void an_expired_token_is_called_expired() {
    String token =
        jwt("{\"iss\":\"feedback-sync\",\"exp\":" + NOW.minusSeconds(1).getEpochSecond() + "}");

    assertEquals(RejectedToken.EXPIRED, RejectedToken.classify(token, ISSUER, NOW));
  }

  @Test
  void a_token_of_another_issuer_is_called_so_without_naming_the_trusted_one() {
    String token =
        jwt("{\"iss\":\"someone-else\",\"exp\":" + NOW.plusSeconds(60).getEpochSecond() + "}");

    RejectedToken reason = RejectedToken.classify(token, ISSUER, NOW);

    assertEquals(RejectedToken.WRONG_ISSUER, reason);
    assertFalse(reason.detail().contains(ISSUER), reason.detail());
    assertFalse(reason.detail().contains("someone-else"), reason.detail());
  }

  @Test
  void a_token_without_an_issuer_is_of_the_wrong_issuer() {
    String token = jwt("{\"exp\":" + NOW.plusSeconds(60).getEpochSecond() + "}");

    assertEquals(RejectedToken.WRONG_ISSUER, RejectedToken.classify(token, ISSUER, NOW));
  }

  @Test
  void a_current_token_of_the_trusted_issuer_was_refused_for_its_signature() {
    String token =
        jwt("{\"iss\":\"feedback-sync\",\"exp\":" + NOW.plusSeconds(60).getEpochSecond() + "}");

    assertEquals(RejectedToken.BAD_SIGNATURE, RejectedToken.classify(token, ISSUER, NOW));
  }

  @Test
  void what_is_not_a_jwt_is_called_malformed() {
    for (String token :
        new String[] {"not-a-token", "a.b", "a.b.", "a.%%%.c", jwt("[1,2]"), jwt("{\"iss\":")}) {
      assertEquals(RejectedToken.MALFORMED, RejectedToken.classify(token, ISSUER, NOW), token);
    }
  }

  @Test
  void every_detail_says_the_token_was_sent_and_not_accepted() {
    for (RejectedToken reason : RejectedToken.values()) {
      assertTrue(
          reason.detail().startsWith("The bearer token was not accepted: "), reason.detail());
      assertFalse(reason.detail().contains("is required"), reason.detail());
    }
  }

  private static String jwt(String claims) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8))
        + ".c2lnbmF0dXJl";
  }
}
