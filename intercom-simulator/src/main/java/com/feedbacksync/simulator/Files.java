package com.feedbacksync.simulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Attachments and inline images behind signed URLs that expire (Intercom's expire after about 30
 * minutes), so a sync that keeps the URL instead of the file finds it gone later.
 */
final class Files {

  /** What a file is, by the suffix of its id. */
  record Content(String contentType, byte[] bytes) {}

  private final Supplier<String> baseUrl;
  private final byte[] key;
  private final Duration ttl;
  private final Clock clock;

  Files(Supplier<String> baseUrl, String secret, Duration ttl, Clock clock) {
    this.baseUrl = baseUrl;
    this.key = secret.getBytes(StandardCharsets.UTF_8);
    this.ttl = ttl;
    this.clock = clock;
  }

  String signedUrl(String fileId) {
    long expires = clock.instant().plus(ttl).getEpochSecond();
    return baseUrl.get()
        + "/i/o/"
        + fileId
        + "?expires="
        + expires
        + "&signature="
        + sign(fileId, expires);
  }

  /** The file, if the signature matches and the link has not expired. */
  Optional<Content> open(String fileId, String expires, String signature) {
    long until;
    try {
      until = Long.parseLong(expires);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    boolean valid =
        signature != null
            && MessageDigest.isEqual(
                sign(fileId, until).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    if (!valid || clock.instant().getEpochSecond() > until) {
      return Optional.empty();
    }
    return Optional.of(content(fileId));
  }

  /** What the file with this id holds, whatever link reaches it. */
  static Content content(String fileId) {
    if (fileId.endsWith("-csv")) {
      return new Content(
          "text/csv",
          "month,revenue\n2026-05,1200\n2026-06,1350\n".getBytes(StandardCharsets.UTF_8));
    }
    Matcher sized = SIZED.matcher(fileId);
    if (sized.find()) {
      return new Content("application/pdf", pdf(Integer.parseInt(sized.group(1))));
    }
    return new Content("image/png", Pngs.TINY);
  }

  /** Files attached with a size: {@code <conversation>-size<bytes>-pdf}. */
  private static final Pattern SIZED = Pattern.compile("-size(\\d{1,10})-pdf$");

  /** A PDF header, then filler up to the size. */
  private static byte[] pdf(int size) {
    byte[] bytes = new byte[size];
    byte[] header = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(header, 0, bytes, 0, Math.min(header.length, size));
    for (int i = header.length; i < size; i++) {
      bytes[i] = (byte) ('a' + i % 26);
    }
    return bytes;
  }

  private String sign(String fileId, long expires) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of()
          .formatHex(mac.doFinal((fileId + ":" + expires).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
