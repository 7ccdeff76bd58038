package com.feedbacksync.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A document's content in a form both sides can be brought to: the oracle's from the simulator's
 * records ({@link IntercomSimulator#documentContents()}), a test's from what the product stored.
 * Compared: each message's kind, author, time (to the second), whether it was redacted, its visible
 * text, how many inline images it shows, and its attachments by name, type and size; and the bytes
 * of every file kept for the document (SHA-256 each, sorted). Not compared: markup, since the
 * product sanitizes HTML (it may rewrite tags and attributes, not words), and links, since files
 * are served from copies under the product's own addresses.
 *
 * @param messages in conversation order
 * @param storedFiles the SHA-256 of each distinct file the document holds, sorted
 */
public record DocumentContent(List<Message> messages, List<String> storedFiles) {

  /** One message: {@code kind} OPENING or REPLY, as the admin API names them. */
  public record Message(
      String kind,
      String authorType,
      String authorId,
      long createdAtSecond,
      boolean redacted,
      String text,
      int images,
      List<FileFacts> attachments) {

    public Message {
      attachments = List.copyOf(attachments);
    }
  }

  /** An attachment as Intercom describes it. */
  public record FileFacts(String name, String contentType, long sizeBytes) {}

  public DocumentContent {
    messages = List.copyOf(messages);
    storedFiles = storedFiles.stream().sorted().toList();
  }

  /** One line per fact, so two contents that differ show where. */
  public String canonical() {
    StringBuilder b = new StringBuilder();
    for (Message m : messages) {
      b.append(m.kind())
          .append(' ')
          .append(m.authorType())
          .append(':')
          .append(m.authorId())
          .append(" at ")
          .append(m.createdAtSecond())
          .append(m.redacted() ? " redacted" : "")
          .append(" images ")
          .append(m.images())
          .append("\n  text ")
          .append(m.text())
          .append('\n');
      for (FileFacts f : m.attachments()) {
        b.append("  file ")
            .append(f.name())
            .append(" | ")
            .append(f.contentType())
            .append(" | ")
            .append(f.sizeBytes())
            .append('\n');
      }
    }
    storedFiles.forEach(sha -> b.append("stored ").append(sha).append('\n'));
    return b.toString();
  }

  /** The SHA-256 of the canonical form. */
  public String digest() {
    return sha256(canonical().getBytes(StandardCharsets.UTF_8));
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);");
  private static final Map<String, String> NAMED =
      Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", " ");

  /**
   * The words a reader sees in this HTML: every tag a space, character references decoded,
   * whitespace (no-break spaces too) collapsed to one space, trimmed. A sanitizer that keeps the
   * words keeps this text.
   */
  public static String visibleText(String html) {
    if (html == null) {
      return "";
    }
    Matcher m = ENTITY.matcher(TAG.matcher(html).replaceAll(" "));
    StringBuilder decoded = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String character =
          name.startsWith("#x")
              ? Character.toString(Integer.parseInt(name.substring(2), 16))
              : name.startsWith("#")
                  ? Character.toString(Integer.parseInt(name.substring(1)))
                  : NAMED.getOrDefault(name, m.group());
      m.appendReplacement(decoded, Matcher.quoteReplacement(character));
    }
    m.appendTail(decoded);
    return decoded.toString().replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
  }
}
