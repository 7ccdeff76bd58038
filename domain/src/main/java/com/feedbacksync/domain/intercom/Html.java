package com.feedbacksync.domain.intercom;

import java.util.regex.Pattern;

/**
 * Reads the text out of Intercom's message HTML, for decisions (is there any text?) and titles. It
 * never produces HTML: what is stored and served is sanitized by a maintained sanitizer elsewhere.
 */
public final class Html {

  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern SPACE = Pattern.compile("[\\s\\u00A0]+");

  private Html() {}

  /** The visible text, with tags removed, common entities decoded and white space collapsed. */
  public static String toText(String html) {
    if (html == null || html.isEmpty()) {
      return "";
    }
    String text = TAG.matcher(html).replaceAll(" ");
    text =
        text.replace("&nbsp;", " ")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&");
    return SPACE.matcher(text).replaceAll(" ").strip();
  }
}
