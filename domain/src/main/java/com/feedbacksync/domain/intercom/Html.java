package com.feedbacksync.domain.intercom;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text out of Intercom's message HTML, for decisions (is there any text?) and titles. It
 * never produces HTML: what is stored and served is sanitized by a maintained sanitizer elsewhere.
 */
public final class Html {

  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern IMAGE =
      Pattern.compile("<img\\b[^>]*?\\ssrc=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
  private static final Pattern NUMERIC = Pattern.compile("&#(x?)([0-9a-fA-F]+);");
  private static final Pattern SPACE = Pattern.compile("[\\s\\u00A0]+");

  private Html() {}

  /** The {@code src} of every image, decoded (sanitized HTML escapes '=' and '&' in URLs). */
  public static List<String> imageSources(String html) {
    List<String> sources = new ArrayList<>();
    if (html != null) {
      Matcher m = IMAGE.matcher(html);
      while (m.find()) {
        sources.add(decode(m.group(1)));
      }
    }
    return sources;
  }

  /**
   * Replaces image sources: {@code replacement} gets each decoded URL and answers the new one (or
   * empty to leave it). The new URL is written escaped, as the sanitizer writes attributes.
   */
  public static String replaceImageSources(
      String html, Function<String, Optional<String>> replacement) {
    if (html == null || html.isEmpty()) {
      return "";
    }
    Matcher m = IMAGE.matcher(html);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      String original = m.group(0);
      String replaced =
          replacement
              .apply(decode(m.group(1)))
              .map(url -> original.substring(0, m.start(1) - m.start()) + escape(url) + "\"")
              .orElse(original);
      m.appendReplacement(b, Matcher.quoteReplacement(replaced));
    }
    m.appendTail(b);
    return b.toString();
  }

  private static String escape(String url) {
    return url.replace("&", "&amp;")
        .replace("\"", "&quot;")
        .replace("<", "&lt;")
        .replace(">", "&gt;");
  }

  /** The character a numeric reference names; the reference as written when it names none. */
  private static String character(Matcher m) {
    try {
      int code = Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16);
      return Character.isValidCodePoint(code) ? new String(Character.toChars(code)) : m.group();
    } catch (NumberFormatException tooLong) {
      return m.group();
    }
  }

  /** Decodes numeric character references and the common named ones. */
  static String decode(String text) {
    Matcher m = NUMERIC.matcher(text);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(b, Matcher.quoteReplacement(character(m)));
    }
    m.appendTail(b);
    return b.toString()
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  /** The visible text, with tags removed, common entities decoded and white space collapsed. */
  public static String toText(String html) {
    if (html == null || html.isEmpty()) {
      return "";
    }
    // Numeric references too: "&#160;" alone is as blank as "&nbsp;" and must not pass for words.
    String text = decode(TAG.matcher(html).replaceAll(" ").replace("&nbsp;", " "));
    return SPACE.matcher(text).replaceAll(" ").strip();
  }
}
