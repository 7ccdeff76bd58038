package com.feedbacksync.simulator;

import static com.feedbacksync.simulator.Vocabulary.ADMIN_LINES;
import static com.feedbacksync.simulator.Vocabulary.CUSTOMER_LINES;

import com.feedbacksync.simulator.Model.Admin;
import com.feedbacksync.simulator.Model.AppliedTag;
import com.feedbacksync.simulator.Model.Contact;
import com.feedbacksync.simulator.Model.Conversation;
import com.feedbacksync.simulator.Model.Dispute;
import com.feedbacksync.simulator.Model.FileRef;
import com.feedbacksync.simulator.Model.Kind;
import com.feedbacksync.simulator.Model.Part;
import com.feedbacksync.simulator.Model.TagDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Generates a conversation's parts, again each time they are needed, from the seed and the
 * conversation's index alone: storing them would cost gigabytes for 100,000 long threads.
 */
final class PartGenerator {

  private final WorkspaceSpec spec;
  private final List<Admin> admins;
  private final List<TagDef> tags;
  private final Function<String, Contact> contactById;

  PartGenerator(
      WorkspaceSpec spec,
      List<Admin> admins,
      List<TagDef> tags,
      Function<String, Contact> contactById) {
    this.spec = spec;
    this.admins = admins;
    this.tags = tags;
    this.contactById = contactById;
  }

  /** The conversation's generated parts, oldest first, always the same for the same seed. */
  List<Part> parts(Conversation c) {
    Random r = new Random(spec.seed() * 1_000_003L + c.index * 0x9E3779B97F4A7C15L);
    List<Part> parts = new ArrayList<>(c.generatedParts);
    Contact contact = contactById.apply(c.contactId);
    Admin admin = admins.get(r.nextInt(admins.size()));
    // An answered outbound gets its customer's reply at a random place; the thread alternates after
    // it.
    int customerReplyAt =
        c.kind == Kind.OUTBOUND_REPLIED
            ? r.nextInt(Math.max(1, Math.min(c.generatedParts, 6)))
            : -1;
    long t = c.createdAt;
    for (int k = 0; k < c.generatedParts; k++) {
      t += 30 + r.nextInt(7200);
      String partId = String.valueOf(31_890_000_000L + c.index * 1000L + k + 1);
      // In threads longer than Intercom returns, the one customer reply sits among the oldest
      // parts,
      // so only Intercom's own record of it (statistics) can tell it was there.
      boolean longThread = c.generatedParts > 500;
      // A disputed conversation has its one customer part only, so that part alone decides.
      boolean disputed = c.dispute != Dispute.NONE;
      boolean customerTurn =
          c.kind != Kind.OUTBOUND_SILENT
              && (k == customerReplyAt
                  || (!longThread && !disputed && k > customerReplyAt && k % 2 == 1));
      if (disputed && (k == customerReplyAt || (k == 0 && c.kind == Kind.OUTBOUND_SILENT))) {
        Part shaped = disputedPart(c, contact, partId, t);
        if (shaped != null) {
          parts.add(shaped);
          continue;
        }
      }
      if (k == c.generatedParts - 1
          && c.state != null
          && c.state.equals("closed")
          && k > 0
          && k != customerReplyAt) {
        parts.add(event(partId, "close", admin, t, "closed"));
        continue;
      }
      if (customerTurn) {
        List<FileRef> files = new ArrayList<>();
        String body = "<p>" + CUSTOMER_LINES[r.nextInt(CUSTOMER_LINES.length)] + "</p>";
        if (r.nextDouble() < spec.inlineImageShare()) {
          if (r.nextBoolean()) {
            body += inlineImage(c.id, partId);
          } else {
            files.add(
                new FileRef(
                    c.id + "-" + partId + "-png",
                    "screenshot.png",
                    "image/png",
                    Pngs.TINY.length,
                    1,
                    1));
          }
        }
        List<AppliedTag> partTags =
            r.nextInt(20) == 0 ? List.of(tagBasic(tags.get(r.nextInt(tags.size())))) : List.of();
        parts.add(
            new Part(
                partId,
                "comment",
                contact.role,
                contact.id,
                contact.name,
                contact.email,
                body,
                t,
                partTags,
                files,
                false,
                "open"));
        continue;
      }
      int roll = r.nextInt(10);
      // No other customer part (a quick-reply click) in a silent or disputed conversation.
      if (roll < 6 || c.kind == Kind.OUTBOUND_SILENT || disputed) {
        boolean bot = r.nextInt(8) == 0;
        String body = "<p>" + ADMIN_LINES[r.nextInt(ADMIN_LINES.length)] + "</p>";
        List<AppliedTag> partTags =
            r.nextInt(20) == 0 ? List.of(tagBasic(tags.get(r.nextInt(tags.size())))) : List.of();
        parts.add(
            bot
                ? new Part(
                    partId,
                    "comment",
                    "bot",
                    "7301200",
                    "Fin",
                    "operator+abc12345@intercom.io",
                    body,
                    t,
                    partTags,
                    List.of(),
                    false,
                    "open")
                : new Part(
                    partId,
                    "comment",
                    "admin",
                    admin.id(),
                    admin.name(),
                    admin.email(),
                    body,
                    t,
                    partTags,
                    List.of(),
                    false,
                    "open"));
      } else if (roll < 8) {
        parts.add(
            new Part(
                partId,
                "note",
                "admin",
                admin.id(),
                admin.name(),
                admin.email(),
                "<p>Internal: see ENG-" + (1000 + r.nextInt(9000)) + ".</p>",
                t,
                List.of(),
                List.of(),
                false,
                "open"));
      } else if (roll < 9) {
        parts.add(event(partId, "assignment", admin, t, "open"));
      } else {
        // A customer's click on a bot's button: not customer-written text.
        parts.add(
            new Part(
                partId,
                "quick_reply",
                contact.role,
                contact.id,
                contact.name,
                contact.email,
                "<p>Yes</p>",
                t,
                List.of(),
                List.of(),
                false,
                "open"));
      }
    }
    return parts;
  }

  /** The customer part that carries the conversation's dispute; null for one without a part. */
  private static Part disputedPart(Conversation c, Contact contact, String partId, long t) {
    String type = c.dispute == Dispute.REOPENING_REPLY ? "open" : "comment";
    String body =
        switch (c.dispute) {
          case ATTACHMENT_ONLY_REPLY -> "";
          case REDACTED_REPLY -> "<p><i>This message was deleted</i></p>";
          case REOPENING_REPLY -> "<p>It broke again after the update.</p>";
          case BLANK_CUSTOMER_COMMENT -> "<p>&nbsp;</p>";
          case PHANTOM_STATISTICS, NONE -> null;
        };
    if (body == null) {
      return null;
    }
    List<FileRef> files =
        c.dispute == Dispute.ATTACHMENT_ONLY_REPLY
            ? List.of(
                new FileRef(
                    c.id + "-" + partId + "-png", "photo.png", "image/png", Pngs.TINY.length, 1, 1))
            : List.of();
    return new Part(
        partId,
        type,
        contact.role,
        contact.id,
        contact.name,
        contact.email,
        body,
        t,
        List.of(),
        files,
        c.dispute == Dispute.REDACTED_REPLY,
        "open");
  }

  private static Part event(String id, String type, Admin admin, long t, String state) {
    return new Part(
        id,
        type,
        "admin",
        admin.id(),
        admin.name(),
        admin.email(),
        null,
        t,
        List.of(),
        List.of(),
        false,
        state);
  }

  private static AppliedTag tagBasic(TagDef t) {
    return new AppliedTag(t.id(), t.name(), null, null, null);
  }

  static String inlineImage(String conversationId, String where) {
    return "<div class=\"intercom-container\"><img src=\"{{file:"
        + conversationId
        + "-"
        + where
        + "-img}}\"></div>";
  }
}
