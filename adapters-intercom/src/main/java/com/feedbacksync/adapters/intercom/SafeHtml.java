package com.feedbacksync.adapters.intercom;

import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Intercom's message HTML made safe at the edge, with the OWASP Java HTML Sanitizer, before
 * anything else sees it: formatting, links, lists, tables and images stay; scripts, styles, event
 * handlers, frames and forms go. Links open safely ({@code rel="nofollow noopener noreferrer"}).
 */
final class SafeHtml {

  private static final PolicyFactory POLICY =
      Sanitizers.FORMATTING
          .and(Sanitizers.BLOCKS)
          .and(Sanitizers.TABLES)
          .and(Sanitizers.IMAGES)
          .and(
              new HtmlPolicyBuilder()
                  .allowElements("a")
                  .allowStandardUrlProtocols()
                  .allowAttributes("href", "title")
                  .onElements("a")
                  .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
                  .allowElements("pre", "code", "hr", "span", "div", "br")
                  .allowAttributes("class")
                  .matching(Pattern.compile("intercom-[a-z-]+"))
                  .onElements("div", "span")
                  .toFactory());

  private SafeHtml() {}

  static String sanitize(String html) {
    return html == null || html.isEmpty() ? "" : POLICY.sanitize(html);
  }
}
