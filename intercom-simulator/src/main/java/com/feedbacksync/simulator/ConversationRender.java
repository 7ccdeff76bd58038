package com.feedbacksync.simulator;

import static com.feedbacksync.simulator.Render.array;
import static com.feedbacksync.simulator.Render.attributes;
import static com.feedbacksync.simulator.Render.object;

import com.feedbacksync.simulator.Model.AppliedTag;
import com.feedbacksync.simulator.Model.Contact;
import com.feedbacksync.simulator.Model.Conversation;
import com.feedbacksync.simulator.Model.FileRef;
import com.feedbacksync.simulator.Model.Part;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Renders conversations, with their source, parts and attachments, as Intercom's 2.16 JSON. */
final class ConversationRender {

  private static final Pattern FILE = Pattern.compile("\\{\\{file:([^}]+)}}");

  /** Intercom returns at most the 500 most recent parts of a conversation. */
  static final int PART_CAP = 500;

  private final SimWorkspace workspace;
  private final Files files;

  ConversationRender(SimWorkspace workspace, Files files) {
    this.workspace = workspace;
    this.files = files;
  }

  ObjectNode conversation(Conversation c, boolean withParts, boolean plaintext) {
    ObjectNode o = object();
    o.put("type", "conversation");
    o.put("id", c.id);
    o.put("title", c.title);
    o.put("created_at", c.createdAt);
    o.put("updated_at", c.updatedAt);
    if (c.lastContactReplyAt != null
        && c.state.equals("open")
        && (c.lastAdminReplyAt == null || c.lastContactReplyAt > c.lastAdminReplyAt)) {
      o.put("waiting_since", c.lastContactReplyAt);
    } else {
      o.putNull("waiting_since");
    }
    if (c.state.equals("snoozed")) {
      o.put("snoozed_until", c.updatedAt + 86400);
    } else {
      o.putNull("snoozed_until");
    }
    o.put("open", !c.state.equals("closed"));
    o.put("state", c.state);
    o.put("read", c.read);
    o.put("priority", c.priority);
    o.put("admin_assignee_id", c.adminAssigneeId);
    o.put("team_assignee_id", 0);
    ObjectNode tags = o.putObject("tags");
    tags.put("type", "tag.list");
    ArrayNode tagList = tags.putArray("tags");
    for (AppliedTag t : c.tags) {
      ObjectNode tag = tagList.addObject();
      tag.put("type", "tag");
      tag.put("id", t.id());
      tag.put("name", t.name());
      tag.put("applied_at", t.appliedAt());
      ObjectNode by = tag.putObject("applied_by");
      by.put("type", t.appliedByType());
      by.put("id", t.appliedById());
    }
    o.putNull("conversation_rating");
    o.set("source", source(c, plaintext));
    ObjectNode contacts = o.putObject("contacts");
    contacts.put("type", "contact.list");
    ObjectNode contactRef = contacts.putArray("contacts").addObject();
    contactRef.put("type", "contact");
    contactRef.put("id", c.contactId);
    Contact contact = workspace.contacts().get(c.contactId);
    contactRef.put("external_id", contact == null ? null : contact.externalId);
    ObjectNode teammates = o.putObject("teammates");
    teammates.put("type", "admin.list");
    ArrayNode teammateList = teammates.putArray("teammates");
    if (c.adminAssigneeId != 0) {
      ObjectNode admin = teammateList.addObject();
      admin.put("type", "admin");
      admin.put("id", String.valueOf(c.adminAssigneeId));
    }
    o.set("custom_attributes", attributes(c.customAttributes));
    if (c.firstContactReplyAt == null) {
      o.putNull("first_contact_reply");
    } else {
      ObjectNode first = o.putObject("first_contact_reply");
      first.put("created_at", c.firstContactReplyAt);
      first.put("type", c.sourceType);
      first.putNull("url");
    }
    o.putNull("sla_applied");
    if (c.firstContactReplyAt == null && c.lastAdminReplyAt == null) {
      o.putNull("statistics");
    } else {
      ObjectNode s = o.putObject("statistics");
      s.put("type", "conversation_statistics");
      // Intercom leaves out the times that have not happened yet.
      putIfKnown(s, "first_contact_reply_at", c.firstContactReplyAt);
      putIfKnown(s, "last_contact_reply_at", c.lastContactReplyAt);
      putIfKnown(s, "last_admin_reply_at", c.lastAdminReplyAt);
      s.put("count_conversation_parts", c.partCount());
    }
    if (withParts) {
      List<Part> all = workspace.parts(c);
      List<Part> shown = shown(all);
      ObjectNode parts = o.putObject("conversation_parts");
      parts.put("type", "conversation_part.list");
      ArrayNode list = parts.putArray("conversation_parts");
      shown.forEach(p -> list.add(part(p, plaintext)));
      parts.put("total_count", all.size());
    }
    ObjectNode linked = o.putObject("linked_objects");
    linked.put("type", "list");
    linked.putArray("data");
    linked.put("total_count", 0);
    linked.put("has_more", false);
    o.put("ai_agent_participated", false);
    o.putNull("ai_agent");
    Extras.conversation(o, c);
    return o;
  }

  /** The parts the API shows of a conversation's parts (oldest first): the 500 most recent. */
  static List<Part> shown(List<Part> all) {
    return all.size() > PART_CAP ? all.subList(all.size() - PART_CAP, all.size()) : all;
  }

  private static void putIfKnown(ObjectNode o, String field, Long value) {
    if (value != null) {
      o.put(field, value);
    }
  }

  private ObjectNode source(Conversation c, boolean plaintext) {
    ObjectNode s = object();
    s.put("type", c.sourceType);
    s.put("id", String.valueOf(2_254_000_000_000L + c.index));
    s.put("delivered_as", c.deliveredAs);
    s.put("subject", c.subject);
    s.put("body", body(c.sourceBody, plaintext));
    ObjectNode author = s.putObject("author");
    author.put("type", c.sourceAuthorType);
    author.put("id", c.sourceAuthorId);
    if (c.customerOpened()) {
      Contact contact = workspace.contacts().get(c.contactId);
      author.put("name", contact == null ? null : contact.name);
      author.put("email", contact == null ? null : contact.email);
    } else {
      workspace.admins().stream()
          .filter(a -> a.id().equals(c.sourceAuthorId))
          .findFirst()
          .ifPresentOrElse(
              a -> {
                author.put("name", a.name());
                author.put("email", a.email());
              },
              () -> {
                author.put("name", "Operator");
                author.putNull("email");
              });
    }
    s.set("attachments", attachments(c.sourceAttachments));
    s.putNull("url");
    s.put("redacted", false);
    return s;
  }

  private ObjectNode part(Part p, boolean plaintext) {
    ObjectNode o = object();
    o.put("type", "conversation_part");
    o.put("id", p.id());
    o.put("part_type", p.partType());
    o.put("body", body(p.body(), plaintext));
    o.put("created_at", p.createdAt());
    o.put("updated_at", p.createdAt());
    o.put("notified_at", p.createdAt());
    o.putNull("assigned_to");
    ObjectNode author = o.putObject("author");
    author.put("type", p.authorType());
    author.put("id", p.authorId());
    author.put("name", p.authorName());
    author.put("email", p.authorEmail());
    if (p.authorType().equals("bot")) {
      author.put("from_ai_agent", true);
      author.put("is_ai_answer", true);
    }
    o.set("attachments", attachments(p.attachments()));
    o.putNull("external_id");
    o.put("redacted", p.redacted());
    o.putNull("email_message_metadata");
    o.put("state", p.state());
    ArrayNode tags = o.putArray("tags");
    for (AppliedTag t : p.tags()) {
      ObjectNode tag = tags.addObject();
      tag.put("type", "tag");
      tag.put("id", t.id());
      tag.put("name", t.name());
    }
    o.putNull("event_details");
    o.putNull("app_package_code");
    return o;
  }

  private ArrayNode attachments(List<FileRef> refs) {
    ArrayNode list = array();
    for (FileRef f : refs) {
      ObjectNode a = list.addObject();
      a.put("type", "upload");
      a.put("name", f.name());
      a.put("url", files.signedUrl(f.id()));
      a.put("content_type", f.contentType());
      a.put("filesize", f.size());
      a.put("width", f.width());
      a.put("height", f.height());
    }
    return list;
  }

  /** Replaces file placeholders with signed, expiring URLs, as Intercom's CDN links are. */
  private String body(String html, boolean plaintext) {
    if (html == null) {
      return null;
    }
    Matcher m = FILE.matcher(html);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(b, Matcher.quoteReplacement(files.signedUrl(m.group(1))));
    }
    m.appendTail(b);
    return plaintext ? Texts.plaintext(b.toString()) : b.toString();
  }
}
