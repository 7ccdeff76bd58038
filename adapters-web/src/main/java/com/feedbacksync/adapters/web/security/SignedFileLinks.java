package com.feedbacksync.adapters.web.security;

import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.intercom.ConversationId;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Links to a document's stored files that a browser can follow without a bearer token: an {@code
 * <img>} or a download link sends none. Each link carries its account, an expiry an hour ahead and
 * an HMAC-SHA256 over account, document, file and expiry with a server key, so it opens that one
 * file of that one account until it expires, and an altered or expired link is refused. The token
 * itself never goes into a URL.
 */
public final class SignedFileLinks {

  /** How long a handed-out link works. */
  public static final Duration LIFETIME = Duration.ofHours(1);

  private static final String ALGORITHM = "HmacSHA256";
  private static final String PREFIX = "/api/v1/documents/";
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final SecretKeySpec key;
  private final Clock clock;

  public SignedFileLinks(byte[] key, Clock clock) {
    if (key.length < 32) {
      throw new IllegalArgumentException("the file-link key needs at least 32 bytes");
    }
    this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    this.clock = Objects.requireNonNull(clock);
  }

  /** What a signed link carries besides its path; all three or none. */
  public record Signature(String account, long expires, String signature) {}

  /**
   * Every link to one of {@code document}'s stored files in {@code text} with a signature appended;
   * {@code html} says whether the text is HTML (whose attributes escape the {@code &}).
   */
  public String sign(String text, AccountId account, ConversationId document, boolean html) {
    if (text == null) {
      return null;
    }
    Pattern link =
        Pattern.compile(
            Pattern.quote(PREFIX + document.value() + "/files/")
                + "([0-9A-Za-z_-]{1,64})(?=[\"'\\s<>]|$)");
    long expires = clock.instant().plus(LIFETIME).getEpochSecond();
    String amp = html ? "&amp;" : "&";
    Matcher m = link.matcher(text);
    StringBuilder signed = new StringBuilder();
    while (m.find()) {
      String fileId = m.group(1);
      String query =
          "?account="
              + account.value()
              + amp
              + "expires="
              + expires
              + amp
              + "signature="
              + mac(account.value(), document.value(), fileId, expires);
      m.appendReplacement(signed, Matcher.quoteReplacement(m.group() + query));
    }
    m.appendTail(signed);
    return signed.toString();
  }

  /**
   * The account a signed link opens {@code fileId} of {@code document} for; empty when the
   * signature does not match what was signed or the link expired.
   */
  public Optional<AccountId> verify(String document, String fileId, Signature presented) {
    if (presented.account() == null || presented.signature() == null) {
      return Optional.empty();
    }
    // Seconds compared as numbers: Instant.ofEpochSecond throws on a hostile 2^63 - 1, which
    // would answer anyone 500 and log it as a server fault.
    if (presented.expires() < clock.instant().getEpochSecond()) {
      return Optional.empty();
    }
    String expected = mac(presented.account(), document, fileId, presented.expires());
    boolean same =
        MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.US_ASCII),
            presented.signature().getBytes(StandardCharsets.US_ASCII));
    if (!same) {
      return Optional.empty();
    }
    try {
      return Optional.of(new AccountId(presented.account()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private String mac(String account, String document, String fileId, long expires) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      // Newline-separated: no field can contain one, so no two inputs sign the same bytes.
      byte[] signed =
          mac.doFinal(
              (account + "\n" + document + "\n" + fileId + "\n" + expires)
                  .getBytes(StandardCharsets.UTF_8));
      return BASE64URL.encodeToString(signed);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }
}
