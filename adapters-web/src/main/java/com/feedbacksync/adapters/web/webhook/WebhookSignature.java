package com.feedbacksync.adapters.web.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Intercom's webhook signature: {@code X-Hub-Signature: sha1=<hex>}, HMAC-SHA1 of the raw body
 * keyed with the app's client secret. Checked on the bytes as received, before any parsing, and
 * compared in constant time so the comparison leaks nothing about the expected value.
 */
public final class WebhookSignature {

  private static final String PREFIX = "sha1=";

  private final byte[] secret;

  public WebhookSignature(String clientSecret) {
    this.secret = clientSecret.getBytes(StandardCharsets.UTF_8);
  }

  /** The header Intercom would send with this body. */
  public String sign(byte[] body) {
    return PREFIX + HexFormat.of().formatHex(mac(body));
  }

  boolean verifies(byte[] body, String header) {
    if (secret.length == 0 || header == null || !header.startsWith(PREFIX)) {
      return false;
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(header.substring(PREFIX.length()).strip());
    } catch (IllegalArgumentException notHex) {
      return false;
    }
    return MessageDigest.isEqual(mac(body), given);
  }

  private byte[] mac(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(secret.length == 0 ? new byte[1] : secret, "HmacSHA1"));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
    }
  }
}
