package com.feedbacksync.adapters.web.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSignatureTest {

  private static final byte[] BODY =
      "{\"type\":\"notification_event\",\"topic\":\"ping\"}".getBytes(StandardCharsets.UTF_8);
  private final WebhookSignature signature = new WebhookSignature("sim-client-secret");

  @Test
  void matches_rfc_2104_hmac_sha1_of_the_raw_body() {
    // RFC 2202 test case 2: key "Jefe", data "what do ya want for nothing?".
    assertEquals(
        "sha1=effcdf6ae5eb2fa2d27416d5f184df9c259a7c79",
        new WebhookSignature("Jefe")
            .sign("what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void accepts_what_it_signs_and_nothing_else() {
    String header = signature.sign(BODY);
    assertTrue(signature.verifies(BODY, header));
    byte[] tampered = BODY.clone();
    tampered[5] ^= 1;
    assertFalse(signature.verifies(tampered, header));
    assertFalse(new WebhookSignature("another-secret").verifies(BODY, header));
    assertTrue(signature.verifies(BODY, header.toUpperCase().replace("SHA1=", "sha1=")));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {"", "sha1=", "sha256=abcd", "sha1=zz", "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"})
  void refuses_missing_or_malformed_headers(String header) {
    assertFalse(signature.verifies(BODY, header));
  }

  @Test
  void refuses_everything_when_no_secret_is_configured() {
    WebhookSignature unconfigured = new WebhookSignature("");
    assertFalse(unconfigured.verifies(BODY, unconfigured.sign(BODY)));
  }
}
