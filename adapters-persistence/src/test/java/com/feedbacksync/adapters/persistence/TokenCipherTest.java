package com.feedbacksync.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.application.model.AccessToken;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Tokens at rest: bound to their key and account, rotated on read, keys configured safely. */
class TokenCipherTest {

  private static final String K1 = "k1:" + Base64.getEncoder().encodeToString(key(1));
  private static final String K2 = "k2:" + Base64.getEncoder().encodeToString(key(2));
  private static final AccessToken TOKEN = new AccessToken("dG9rOjEyMzQ=");

  @Test
  void a_sealed_token_opens_for_its_account_and_is_not_stale() {
    TokenCipher cipher = TokenCipher.parse(K1);

    TokenCipher.Sealed sealed = cipher.seal("acme", TOKEN);

    assertEquals("k1", sealed.keyId());
    assertEquals(Optional.of(new TokenCipher.Opened(TOKEN, false)), cipher.open("acme", sealed));
  }

  @Test
  void a_token_copied_into_another_accounts_row_does_not_open() {
    TokenCipher cipher = TokenCipher.parse(K1);

    TokenCipher.Sealed sealed = cipher.seal("acme", TOKEN);

    assertEquals(Optional.empty(), cipher.open("globex", sealed));
  }

  @Test
  void a_token_sealed_before_accounts_were_bound_still_opens_and_is_stale() throws Exception {
    // The earlier format, written here by hand: the associated data was the key id alone.
    byte[] iv = new byte[12];
    Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
    aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key(1), "AES"), new GCMParameterSpec(128, iv));
    aes.updateAAD("k1".getBytes(StandardCharsets.UTF_8));
    byte[] body = aes.doFinal(TOKEN.value().getBytes(StandardCharsets.UTF_8));
    TokenCipher.Sealed legacy =
        new TokenCipher.Sealed(
            "k1", ByteBuffer.allocate(12 + body.length).put(iv).put(body).array());

    assertEquals(
        Optional.of(new TokenCipher.Opened(TOKEN, true)),
        TokenCipher.parse(K1).open("acme", legacy));
  }

  @Test
  void a_token_of_an_older_key_opens_stale_and_is_sealed_again_with_the_first() {
    TokenCipher.Sealed old = TokenCipher.parse(K1).seal("acme", TOKEN);
    TokenCipher rotated = TokenCipher.parse(K2 + "," + K1);

    TokenCipher.Opened opened = rotated.open("acme", old).orElseThrow();
    TokenCipher.Sealed again = rotated.seal("acme", opened.token());

    assertTrue(opened.stale());
    assertEquals("k2", again.keyId());
    assertEquals(Optional.of(new TokenCipher.Opened(TOKEN, false)), rotated.open("acme", again));
    assertEquals(Optional.empty(), TokenCipher.parse(K2).open("acme", old));
  }

  @Test
  void a_key_id_given_twice_is_refused() {
    String twice = K1 + ",k1:" + Base64.getEncoder().encodeToString(key(3));

    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> TokenCipher.parse(twice));
    assertTrue(refused.getMessage().contains("k1 is given twice"), refused.getMessage());
    assertTrue(TokenKeys.judge(Optional.of(twice)).orElseThrow().contains("given twice"));
  }

  @Test
  void missing_or_broken_keys_are_named_for_the_operator() {
    assertTrue(
        TokenKeys.judge(Optional.empty())
            .orElseThrow()
            .startsWith("FEEDBACKSYNC_TOKEN_KEYS is not set"));
    assertTrue(TokenKeys.judge(Optional.of("  ")).isPresent());
    assertTrue(TokenKeys.judge(Optional.of("k1:not base64!")).orElseThrow().contains("base64"));
    assertTrue(TokenKeys.judge(Optional.of("k1:AAAA")).orElseThrow().contains("256 bits"));
    assertFalse(TokenKeys.judge(Optional.of(K1 + "," + K2)).isPresent());
  }

  @Test
  void keys_are_never_silently_replaced_by_a_throwaway_one() {
    TokenKeys keys = new TokenKeys();
    keys.configured = Optional.empty();

    IllegalStateException refused = assertThrows(IllegalStateException.class, keys::cipher);
    assertTrue(refused.getMessage().contains("FEEDBACKSYNC_TOKEN_KEYS"), refused.getMessage());
  }

  private static byte[] key(int seed) {
    byte[] key = new byte[32];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) (seed * 31 + i);
    }
    return key;
  }
}
