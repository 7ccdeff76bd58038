package com.feedbacksync.adapters.intercom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeHtmlTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<p>hi<script>alert(1)</script></p>",
        "<img src=\"x.png\" onerror=\"alert(1)\">",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<iframe src=\"https://evil.example\"></iframe><p>hi</p>",
        "<p style=\"background:url(javascript:alert(1))\">hi</p>",
        "<form action=\"https://evil.example\"><input name=\"x\"></form>",
        "<svg onload=\"alert(1)\"></svg>"
      })
  void removes_scripts_event_handlers_frames_and_forms(String html) {
    String safe = SafeHtml.sanitize(html);
    for (String bad :
        new String[] {
          "script", "onerror", "javascript:", "iframe", "style=", "<form", "<input", "onload"
        }) {
      assertFalse(safe.toLowerCase().contains(bad), safe);
    }
  }

  @Test
  void keeps_formatting_links_lists_and_images() {
    String html =
        "<p>The <b>export</b> <i>fails</i>:</p><ul><li>one</li></ul>"
            + "<div class=\"intercom-container\"><img src=\"https://downloads.intercomcdn.com/i/o/1.png\"></div>"
            + "<a href=\"https://help.example.com\">guide</a>";
    String safe = SafeHtml.sanitize(html);
    assertTrue(safe.contains("<b>export</b>"), safe);
    assertTrue(safe.contains("<li>one</li>"), safe);
    assertTrue(safe.contains("src=\"https://downloads.intercomcdn.com/i/o/1.png\""), safe);
    assertTrue(safe.contains("href=\"https://help.example.com\""), safe);
    String rel = safe.replaceAll(".*rel=\"([^\"]*)\".*", "$1");
    assertEquals(
        java.util.Set.of("nofollow", "noopener", "noreferrer"),
        java.util.Set.of(rel.split(" ")),
        safe);
  }

  @Test
  void turns_nothing_into_nothing() {
    assertEquals("", SafeHtml.sanitize(null));
    assertEquals("", SafeHtml.sanitize(""));
  }
}
