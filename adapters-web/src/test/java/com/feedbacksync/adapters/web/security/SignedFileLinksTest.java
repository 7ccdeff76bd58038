package com.feedbacksync.adapters.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.adapters.web.security.SignedFileLinks.Signature;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.intercom.ConversationId;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SignedFileLinksTest {

  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  private static final AccountId ACME = new AccountId("acme");
  private static final ConversationId DOC = new ConversationId("215474154200001");
  private static final String FILE = "1f8e05e2886ae7d810b3284b";
  private static final String LINK = "/api/v1/documents/215474154200001/files/" + FILE;

  private final byte[] key = key(7);

  private SignedFileLinks at(Instant now) {
    return new SignedFileLinks(key, Clock.fixed(now, ZoneOffset.UTC));
  }

  @Test
  void a_signed_link_opens_its_file_for_its_account_within_the_hour() {
    Signature s = signature(at(NOW).sign(LINK, ACME, DOC, false));
    assertEquals("acme", s.account());
    assertEquals(NOW.plus(Duration.ofHours(1)).getEpochSecond(), s.expires());
    SignedFileLinks later = at(NOW.plus(Duration.ofMinutes(59)));
    assertEquals(Optional.of(ACME), later.verify(DOC.value(), FILE, s));
  }

  @Test
  void an_expired_link_is_refused() {
    Signature s = signature(at(NOW).sign(LINK, ACME, DOC, false));
    assertEquals(
        Optional.empty(),
        at(NOW.plus(Duration.ofHours(1)).plusSeconds(1)).verify(DOC.value(), FILE, s));
  }

  @Test
  void an_altered_link_is_refused_whatever_part_was_changed() {
    Signature s = signature(at(NOW).sign(LINK, ACME, DOC, false));
    SignedFileLinks links = at(NOW);
    assertEquals(Optional.empty(), links.verify(DOC.value(), "0" + FILE.substring(1), s));
    assertEquals(Optional.empty(), links.verify("215474154200002", FILE, s));
    assertEquals(
        Optional.empty(),
        links.verify(DOC.value(), FILE, new Signature("other", s.expires(), s.signature())));
    assertEquals(
        Optional.empty(),
        links.verify(
            DOC.value(), FILE, new Signature(s.account(), s.expires() + 3600, s.signature())));
    String flipped = (s.signature().charAt(0) == 'A' ? "B" : "A") + s.signature().substring(1);
    assertEquals(
        Optional.empty(),
        links.verify(DOC.value(), FILE, new Signature(s.account(), s.expires(), flipped)));
    assertEquals(
        Optional.empty(),
        links.verify(DOC.value(), FILE, new Signature(s.account(), s.expires(), null)));
    // Expiries no clock can hold (anyone may send them): refused, not thrown as a server fault.
    for (long expires : new long[] {Long.MAX_VALUE, Long.MIN_VALUE}) {
      assertEquals(
          Optional.empty(),
          links.verify(DOC.value(), FILE, new Signature(s.account(), expires, s.signature())));
    }
  }

  @Test
  void another_servers_key_does_not_open_the_link() {
    Signature s = signature(at(NOW).sign(LINK, ACME, DOC, false));
    SignedFileLinks other = new SignedFileLinks(key(8), Clock.fixed(NOW, ZoneOffset.UTC));
    assertEquals(Optional.empty(), other.verify(DOC.value(), FILE, s));
  }

  @Test
  void html_gets_every_image_of_the_document_signed_with_escaped_ampersands_and_nothing_else() {
    String html =
        "<p><img src=\""
            + LINK
            + "\"> and <a href=\""
            + LINK
            + "\">it</a> but not <img src=\"/api/v1/documents/999/files/"
            + FILE
            + "\"> nor https://downloads.intercomcdn.com/i/o/1/x.png</p>";
    String signed = at(NOW).sign(html, ACME, DOC, true);
    Matcher m =
        Pattern.compile(Pattern.quote(LINK) + "\\?account=acme&amp;expires=\\d+&amp;signature=")
            .matcher(signed);
    int count = 0;
    while (m.find()) {
      count++;
    }
    assertEquals(2, count, signed);
    assertTrue(signed.contains("/api/v1/documents/999/files/" + FILE + "\""), signed);
    assertTrue(signed.contains("https://downloads.intercomcdn.com/i/o/1/x.png</p>"), signed);
  }

  @Test
  void a_short_key_is_refused() {
    try {
      new SignedFileLinks(new byte[16], Clock.systemUTC());
    } catch (IllegalArgumentException expected) {
      return;
    }
    throw new AssertionError("a 16-byte key was accepted");
  }

  private static Signature signature(String link) {
    Map<String, String> q = new HashMap<>();
    for (String pair : URI.create(link).getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      q.put(kv[0], kv[1]);
    }
    return new Signature(q.get("account"), Long.parseLong(q.get("expires")), q.get("signature"));
  }

  private static byte[] key(int fill) {
    byte[] k = new byte[32];
    Arrays.fill(k, (byte) fill);
    return k;
  }
}
