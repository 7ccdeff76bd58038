package com.feedbacksync.adapters.persistence;

import com.feedbacksync.application.model.AccessToken;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts access tokens at rest with AES-GCM. Keys are configured as {@code id:base64key} pairs,
 * the first one encrypting; the others still decrypt, so a key can be rotated by putting a new one
 * first.
 */
final class TokenCipher {

  /** A token as stored: which key sealed it, and IV plus ciphertext. */
  record Sealed(String keyId, byte[] bytes) {}

  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final String activeKeyId;
  private final Map<String, SecretKeySpec> keys;
  private final SecureRandom random = new SecureRandom();

  TokenCipher(Map<String, byte[]> keysById) {
    if (keysById.isEmpty()) {
      throw new IllegalArgumentException("at least one token key is needed");
    }
    this.keys = new LinkedHashMap<>();
    keysById.forEach(
        (id, key) -> {
          if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw new IllegalArgumentException("token key " + id + " must be 128, 192 or 256 bits");
          }
          keys.put(id, new SecretKeySpec(key, "AES"));
        });
    this.activeKeyId = keysById.keySet().iterator().next();
  }

  /** Reads {@code id:base64key,id:base64key}. */
  static TokenCipher parse(String configured) {
    Map<String, byte[]> keys = new LinkedHashMap<>();
    for (String pair : configured.split(",")) {
      String p = pair.strip();
      int colon = p.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException(
            "token keys are written id:base64key, separated by commas");
      }
      keys.put(p.substring(0, colon), Base64.getDecoder().decode(p.substring(colon + 1)));
    }
    return new TokenCipher(keys);
  }

  /** A random key, for a server started without one (tokens then do not survive a restart). */
  static TokenCipher ephemeral() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return new TokenCipher(Map.of("ephemeral", key));
  }

  Sealed seal(AccessToken token) {
    try {
      byte[] iv = new byte[IV_BYTES];
      random.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(activeKeyId.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(token.value().getBytes(StandardCharsets.UTF_8));
      return new Sealed(
          activeKeyId, ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encrypt a token", e);
    }
  }

  /** The token, or empty when no configured key opens it (an unknown or rotated-out key). */
  Optional<AccessToken> open(Sealed sealed) {
    SecretKeySpec key = keys.get(sealed.keyId());
    if (key == null || sealed.bytes().length <= IV_BYTES) {
      return Optional.empty();
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.bytes(), 0, IV_BYTES));
      cipher.updateAAD(sealed.keyId().getBytes(StandardCharsets.UTF_8));
      byte[] plain = cipher.doFinal(sealed.bytes(), IV_BYTES, sealed.bytes().length - IV_BYTES);
      return Optional.of(new AccessToken(new String(plain, StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      return Optional.empty();
    }
  }
}
