package com.feedbacksync.simulator;

import java.util.regex.Pattern;

/** Small text helpers for generated HTML. */
final class Texts {

  private static final Pattern TAG = Pattern.compile("<[^>]*>");

  private Texts() {}

  static boolean isBlankHtml(String html) {
    return html == null || TAG.matcher(html).replaceAll("").replace("&nbsp;", "").isBlank();
  }

  /** What {@code display_as=plaintext} gives: tags dropped, links as "label (url)". */
  static String plaintext(String html) {
    if (html == null) {
      return null;
    }
    String linked = html.replaceAll("<a [^>]*href=\"([^\"]*)\"[^>]*>([^<]*)</a>", "$2 ($1)");
    return TAG.matcher(linked.replace("</p>", "\n")).replaceAll("").strip();
  }
}
