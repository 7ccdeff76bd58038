package com.feedbacksync.adapters.web.events;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of an event delivery: HMAC-SHA256 with the shared secret over {@code timestamp +
 * "." + body}, lower-case hex, sent as {@code X-FeedbackSync-Signature: v1=<hex>} next to {@code
 * X-FeedbackSync-Timestamp} (Unix seconds of the attempt). Signing the timestamp with the body lets
 * a receiver refuse a replayed old delivery.
 */
final class EventSignature {

  static final String ID_HEADER = "X-FeedbackSync-Event-Id";
  static final String TYPE_HEADER = "X-FeedbackSync-Event-Type";
  static final String TIMESTAMP_HEADER = "X-FeedbackSync-Timestamp";
  static final String SIGNATURE_HEADER = "X-FeedbackSync-Signature";

  private EventSignature() {}

  static String header(byte[] secret, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      byte[] signed = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return "v1=" + HexFormat.of().formatHex(signed);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
