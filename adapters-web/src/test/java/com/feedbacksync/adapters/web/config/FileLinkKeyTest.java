package com.feedbacksync.adapters.web.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.adapters.web.config.FileLinkKey.Reading;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FileLinkKeyTest {

  private static String base64Of(int bytes) {
    byte[] key = new byte[bytes];
    for (int i = 0; i < bytes; i++) {
      key[i] = (byte) (i * 7 + 1);
    }
    return Base64.getEncoder().encodeToString(key);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void an_unset_key_is_the_process_own(String value) {
    assertInstanceOf(Reading.Unset.class, FileLinkKey.read(Optional.of(value)));
    assertInstanceOf(Reading.Unset.class, FileLinkKey.read(Optional.empty()));
  }

  @ParameterizedTest
  @CsvSource({
    "'not base64 at all!', is not base64",
    "'%%%%', is not base64",
    "16, holds 16 bytes; it needs at least 32",
    "31, holds 31 bytes; it needs at least 32"
  })
  void an_unusable_key_says_why(String value, String why) {
    String configured =
        value.chars().allMatch(Character::isDigit) ? base64Of(Integer.parseInt(value)) : value;
    Reading reading = FileLinkKey.read(Optional.of(configured));
    String problem = assertInstanceOf(Reading.Unusable.class, reading).problem();
    assertTrue(problem.contains(why), problem);
    assertTrue(problem.contains("openssl rand -base64 32"), "and how to make a good one");
  }

  @ParameterizedTest
  @ValueSource(ints = {32, 64})
  void a_key_of_32_bytes_or_more_is_used_as_given(int bytes) {
    Reading reading = FileLinkKey.read(Optional.of("  " + base64Of(bytes) + "\n"));
    byte[] key = assertInstanceOf(Reading.Key.class, reading).bytes();
    assertEquals(bytes, key.length);
    assertArrayEquals(Base64.getDecoder().decode(base64Of(bytes)), key);
  }
}
