package com.feedbacksync.simulator;

import com.feedbacksync.simulator.Model.Admin;
import com.feedbacksync.simulator.Model.AppliedTag;
import com.feedbacksync.simulator.Model.Company;
import com.feedbacksync.simulator.Model.Contact;
import com.feedbacksync.simulator.Model.Conversation;
import com.feedbacksync.simulator.Model.FileRef;
import com.feedbacksync.simulator.Model.Kind;
import com.feedbacksync.simulator.Model.Part;
import com.feedbacksync.simulator.Model.TagDef;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/** Makes the changes the control calls ask of a workspace, each under its write lock. */
final class WorkspaceChanges {

  private final SimWorkspace workspace;

  WorkspaceChanges(SimWorkspace workspace) {
    this.workspace = workspace;
  }

  Part customerReplies(String conversationId, String text) {
    return workspace.write(
        () -> {
          Conversation c = workspace.requireConversation(conversationId);
          Contact contact = workspace.contacts().get(c.contactId);
          Part part =
              addPart(
                  c,
                  "comment",
                  contact.role,
                  contact.id,
                  contact.name,
                  contact.email,
                  "<p>" + escape(text) + "</p>");
          c.state = "open";
          return part;
        });
  }

  Part agentReplies(String conversationId, String text) {
    return workspace.write(
        () -> {
          Conversation c = workspace.requireConversation(conversationId);
          Admin admin = workspace.admins().get(0);
          return addPart(
              c,
              "comment",
              "admin",
              admin.id(),
              admin.name(),
              admin.email(),
              "<p>" + escape(text) + "</p>");
        });
  }

  /** A file of {@code size} bytes attached to the conversation's opening message; its id. */
  String attachFile(String conversationId, int size) {
    return workspace.write(
        () -> {
          Conversation c = workspace.requireConversation(conversationId);
          String id = conversationId + "-size" + size + "-pdf";
          c.sourceAttachments.add(
              new FileRef(id, "report-" + size + ".pdf", "application/pdf", size, null, null));
          touch(c);
          return id;
        });
  }

  void addTag(String conversationId, String tagId) {
    workspace.write(
        () -> {
          Conversation c = workspace.requireConversation(conversationId);
          TagDef tag =
              workspace.tags().stream()
                  .filter(t -> t.id().equals(tagId))
                  .findFirst()
                  .orElseThrow(() -> new NoSuchElementException("no tag " + tagId));
          if (c.tags.stream().noneMatch(t -> t.id().equals(tagId))) {
            long at = touch(c);
            c.tags.add(
                new AppliedTag(tag.id(), tag.name(), at, "admin", workspace.admins().get(0).id()));
          }
          return null;
        });
  }

  void removeTag(String conversationId, String tagId) {
    workspace.write(
        () -> {
          Conversation c = workspace.requireConversation(conversationId);
          if (c.tags.removeIf(t -> t.id().equals(tagId))) {
            touch(c);
          }
          return null;
        });
  }

  void changeState(String conversationId, String state) {
    if (!List.of("open", "closed", "snoozed").contains(state)) {
      throw new IllegalArgumentException("state is open, closed or snoozed");
    }
    workspace.write(
        () -> {
          Conversation c = workspace.requireConversation(conversationId);
          Admin admin = workspace.admins().get(0);
          String partType =
              state.equals("open") ? "open" : state.equals("closed") ? "close" : "snoozed";
          addPart(c, partType, "admin", admin.id(), admin.name(), admin.email(), null);
          c.state = state;
          return null;
        });
  }

  /** Assignment only: Intercom bumps updated_at, but nothing a sync should re-fetch for. */
  void assign(String conversationId, String adminId) {
    workspace.write(
        () -> {
          Conversation c = workspace.requireConversation(conversationId);
          c.adminAssigneeId = Long.parseLong(adminId);
          Admin admin = workspace.admins().get(0);
          addPart(c, "assignment", "admin", admin.id(), admin.name(), admin.email(), null);
          return null;
        });
  }

  void deleteConversation(String conversationId) {
    workspace.write(
        () -> {
          workspace.delete(workspace.requireConversation(conversationId));
          return null;
        });
  }

  void deleteContact(String contactId) {
    workspace.write(
        () -> {
          workspace.delete(
              Optional.ofNullable(workspace.contacts().get(contactId))
                  .orElseThrow(() -> new NoSuchElementException("no contact " + contactId)));
          return null;
        });
  }

  void updateContact(String contactId, String attribute, Object value) {
    workspace.write(
        () -> {
          Contact contact =
              Optional.ofNullable(workspace.contacts().get(contactId))
                  .orElseThrow(() -> new NoSuchElementException("no contact " + contactId));
          contact.customAttributes.put(attribute, value);
          contact.updatedAt = Math.max(workspace.now(), contact.updatedAt + 1);
          return null;
        });
  }

  void renameCompany(String companyId, String name) {
    workspace.write(
        () -> {
          Company company =
              Optional.ofNullable(workspace.companies().get(companyId))
                  .orElseThrow(() -> new NoSuchElementException("no company " + companyId));
          company.name = name;
          company.updatedAt = Math.max(workspace.now(), company.updatedAt + 1);
          return null;
        });
  }

  void toggleSegment(String contactId, String segmentId) {
    workspace.write(
        () -> {
          Contact contact =
              Optional.ofNullable(workspace.contacts().get(contactId))
                  .orElseThrow(() -> new NoSuchElementException("no contact " + contactId));
          if (workspace.segments().stream().noneMatch(s -> s.id.equals(segmentId))) {
            throw new NoSuchElementException("no segment " + segmentId);
          }
          if (!contact.segmentIds.remove(segmentId)) {
            contact.segmentIds.add(segmentId);
          }
          contact.updatedAt = Math.max(workspace.now(), contact.updatedAt + 1);
          return null;
        });
  }

  /** A new conversation arrives now: customer-initiated, or outbound with or without a reply. */
  Conversation newConversation(Kind kind) {
    return workspace.write(
        () -> {
          long created = workspace.now();
          String id = String.valueOf(workspace.nextConversationId());
          Contact contact = workspace.contacts().values().iterator().next();
          Admin admin = workspace.admins().get(1);
          Conversation c =
              kind == Kind.CUSTOMER_INITIATED
                  ? new Conversation(
                      workspace.conversationCount(),
                      id,
                      kind,
                      created,
                      "customer_initiated",
                      "conversation",
                      contact.role,
                      contact.id,
                      contact.id,
                      null,
                      "",
                      "<p>Hi! Something new came up: the <b>export</b> fails again.</p>",
                      0)
                  : new Conversation(
                      workspace.conversationCount(),
                      id,
                      kind,
                      created,
                      "admin_initiated",
                      "email",
                      "admin",
                      admin.id(),
                      contact.id,
                      null,
                      "Quick question",
                      "<p>Do you have a minute for feedback?</p>",
                      0);
          c.state = "open";
          workspace.add(c);
          if (kind == Kind.OUTBOUND_REPLIED) {
            addPart(
                c,
                "comment",
                contact.role,
                contact.id,
                contact.name,
                contact.email,
                "<p>Sure, here it is.</p>");
          }
          c.recomputeStatistics(workspace.parts(c));
          return c;
        });
  }

  private Part addPart(
      Conversation c,
      String type,
      String authorType,
      String authorId,
      String name,
      String email,
      String body) {
    long at = touch(c);
    Part part =
        new Part(
            String.valueOf(31_890_000_000L + c.index * 1000L + c.partCount() + 1),
            type,
            authorType,
            authorId,
            name,
            email,
            body,
            at,
            List.of(),
            List.of(),
            false,
            c.state);
    c.addedParts.add(part);
    c.recomputeStatistics(workspace.parts(c));
    return part;
  }

  /**
   * Moves updated_at to now, strictly forward, so every change is visible to an updated_at window.
   */
  private long touch(Conversation c) {
    c.updatedAt = Math.max(workspace.now(), c.updatedAt + 1);
    return c.updatedAt;
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
