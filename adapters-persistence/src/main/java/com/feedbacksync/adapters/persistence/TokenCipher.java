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
 * first. The associated data binds a ciphertext to its key id and its account, so a sealed token
 * copied into another account's row does not open. Tokens sealed before the account was bound
 * (associated data: the key id alone) still open, marked stale, as do tokens of an older key: the
 * caller seals them again, which is how keys rotate.
 */
final class TokenCipher {

  /** A token as stored: which key sealed it, and IV plus ciphertext. */
  record Sealed(String keyId, byte[] bytes) {}

  /**
   * An opened token.
   *
   * @param stale sealed by a key that is no longer the first, or without its account: seal again
   */
  record Opened(AccessToken token, boolean stale) {}

  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  /** Marks the associated data of tokens bound to their account. */
  private static final String BOUND = "account-bound-v2";

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
            throw new IllegalArgumentException(
                "token key " + id + " must be 128, 192 or 256 bits (openssl rand -base64 32)");
          }
          keys.put(id, new SecretKeySpec(key, "AES"));
        });
    this.activeKeyId = keysById.keySet().iterator().next();
  }

  /**
   * Reads {@code id:base64key,id:base64key}. A key id given twice is refused: one of the two keys
   * would silently be lost, and with it every token it sealed.
   */
  static TokenCipher parse(String configured) {
    Map<String, byte[]> keys = new LinkedHashMap<>();
    for (String pair : configured.split(",")) {
      String p = pair.strip();
      int colon = p.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException(
            "token keys are written id:base64key, separated by commas");
      }
      String id = p.substring(0, colon);
      if (keys.containsKey(id)) {
        throw new IllegalArgumentException(
            "token key id " + id + " is given twice; every key needs its own id");
      }
      try {
        keys.put(id, Base64.getDecoder().decode(p.substring(colon + 1)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("token key " + id + " is not base64", e);
      }
    }
    return new TokenCipher(keys);
  }

  /** Seals {@code token} for {@code account} with the first key. */
  Sealed seal(String account, AccessToken token) {
    try {
      byte[] iv = new byte[IV_BYTES];
      random.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(bound(activeKeyId, account));
      byte[] sealed = cipher.doFinal(token.value().getBytes(StandardCharsets.UTF_8));
      return new Sealed(
          activeKeyId, ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encrypt a token", e);
    }
  }

  /**
   * The token of {@code account}, or empty when no configured key opens it for this account (an
   * unknown or rotated-out key, or another account's token).
   */
  Optional<Opened> open(String account, Sealed sealed) {
    SecretKeySpec key = keys.get(sealed.keyId());
    if (key == null || sealed.bytes().length <= IV_BYTES) {
      return Optional.empty();
    }
    boolean older = !sealed.keyId().equals(activeKeyId);
    return decrypt(key, sealed, bound(sealed.keyId(), account))
        .map(token -> new Opened(token, older))
        .or(
            () ->
                decrypt(key, sealed, sealed.keyId().getBytes(StandardCharsets.UTF_8))
                    .map(token -> new Opened(token, true)));
  }

  private static Optional<AccessToken> decrypt(SecretKeySpec key, Sealed sealed, byte[] aad) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.bytes(), 0, IV_BYTES));
      cipher.updateAAD(aad);
      byte[] plain = cipher.doFinal(sealed.bytes(), IV_BYTES, sealed.bytes().length - IV_BYTES);
      return Optional.of(new AccessToken(new String(plain, StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      return Optional.empty();
    }
  }

  /** Key id and account, length-prefixed so no two pairs give the same bytes. */
  private static byte[] bound(String keyId, String account) {
    byte[] id = keyId.getBytes(StandardCharsets.UTF_8);
    byte[] acc = account.getBytes(StandardCharsets.UTF_8);
    byte[] marker = BOUND.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(marker.length + 8 + id.length + acc.length)
        .put(marker)
        .putInt(id.length)
        .put(id)
        .putInt(acc.length)
        .put(acc)
        .array();
  }
}
