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
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The simulated workspace's state: generated from a spec and a seed, then changed by control calls
 * (a customer replies, a tag is added, ...) at the simulator's clock. Reads share a lock; changes
 * take it alone and bump {@link #version()}, which invalidates cached search results.
 */
final class SimWorkspace {

  record Deleted(String id, long deletedAt) {}

  /**
   * The records as they were when taken: lists that later changes do not reorder or grow (the
   * records in them are the live ones).
   */
  record Snapshot(
      List<Company> companies, List<Contact> contacts, List<Conversation> conversations) {}

  final WorkspaceSpec spec;
  private final Generator generator;
  private final Clock clock;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final List<Conversation> conversations;
  private final Map<String, Conversation> conversationsById = new LinkedHashMap<>();
  private final Map<String, Contact> contactsById = new LinkedHashMap<>();
  private final Map<String, Company> companiesById = new LinkedHashMap<>();
  private final List<Deleted> deleted = new ArrayList<>();
  private final List<Deleted> deletedContacts = new ArrayList<>();
  private long version;
  private long lastId;

  SimWorkspace(WorkspaceSpec spec, Clock clock) {
    this.spec = spec;
    this.clock = clock;
    this.generator = new Generator(spec).generate();
    this.conversations = new ArrayList<>(generator.conversations);
    conversations.forEach(c -> conversationsById.put(c.id, c));
    generator.contacts.forEach(c -> contactsById.put(c.id, c));
    generator.companies.forEach(c -> companiesById.put(c.id, c));
    lastId =
        conversations.isEmpty()
            ? 215_474_154_200_000L
            : Long.parseLong(conversations.get(conversations.size() - 1).id);
  }

  <T> T read(Supplier<T> reader) {
    lock.readLock().lock();
    try {
      return reader.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  private <T> T write(Supplier<T> writer) {
    lock.writeLock().lock();
    try {
      T result = writer.get();
      version++;
      return result;
    } finally {
      lock.writeLock().unlock();
    }
  }

  Snapshot snapshot() {
    return read(
        () ->
            new Snapshot(
                List.copyOf(companiesById.values()),
                List.copyOf(contactsById.values()),
                List.copyOf(conversations)));
  }

  long version() {
    return read(() -> version);
  }

  long now() {
    return clock.instant().getEpochSecond();
  }

  List<Conversation> conversations() {
    return Collections.unmodifiableList(conversations);
  }

  Optional<Conversation> conversation(String id) {
    return Optional.ofNullable(conversationsById.get(id));
  }

  Conversation requireConversation(String id) {
    return conversation(id).orElseThrow(() -> new NoSuchElementException("no conversation " + id));
  }

  /** Every part, oldest first: the generated ones and those added since. */
  List<Part> parts(Conversation c) {
    List<Part> all = new ArrayList<>(generator.parts(c));
    all.addAll(c.addedParts);
    return all;
  }

  Map<String, Contact> contacts() {
    return Collections.unmodifiableMap(contactsById);
  }

  Map<String, Company> companies() {
    return Collections.unmodifiableMap(companiesById);
  }

  List<Admin> admins() {
    return generator.admins;
  }

  List<Model.Team> teams() {
    return generator.teams;
  }

  List<TagDef> tags() {
    return generator.tags;
  }

  List<Model.Segment> segments() {
    return generator.segments;
  }

  List<Deleted> deletedConversations() {
    return Collections.unmodifiableList(deleted);
  }

  List<Deleted> deletedContacts() {
    return Collections.unmodifiableList(deletedContacts);
  }

  // ---- changes, as the control endpoints make them ------------------------------------------

  Part customerReplies(String conversationId, String text) {
    return write(
        () -> {
          Conversation c = requireConversation(conversationId);
          Contact contact = contactsById.get(c.contactId);
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
    return write(
        () -> {
          Conversation c = requireConversation(conversationId);
          Admin admin = generator.admins.get(0);
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
    return write(
        () -> {
          Conversation c = requireConversation(conversationId);
          String id = conversationId + "-size" + size + "-pdf";
          c.sourceAttachments.add(
              new FileRef(id, "report-" + size + ".pdf", "application/pdf", size, null, null));
          touch(c);
          return id;
        });
  }

  void addTag(String conversationId, String tagId) {
    write(
        () -> {
          Conversation c = requireConversation(conversationId);
          TagDef tag =
              generator.tags.stream()
                  .filter(t -> t.id().equals(tagId))
                  .findFirst()
                  .orElseThrow(() -> new NoSuchElementException("no tag " + tagId));
          if (c.tags.stream().noneMatch(t -> t.id().equals(tagId))) {
            long at = touch(c);
            c.tags.add(
                new AppliedTag(tag.id(), tag.name(), at, "admin", generator.admins.get(0).id()));
          }
          return null;
        });
  }

  void removeTag(String conversationId, String tagId) {
    write(
        () -> {
          Conversation c = requireConversation(conversationId);
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
    write(
        () -> {
          Conversation c = requireConversation(conversationId);
          Admin admin = generator.admins.get(0);
          String partType =
              state.equals("open") ? "open" : state.equals("closed") ? "close" : "snoozed";
          addPart(c, partType, "admin", admin.id(), admin.name(), admin.email(), null);
          c.state = state;
          return null;
        });
  }

  /** Assignment only: Intercom bumps updated_at, but nothing a sync should re-fetch for. */
  void assign(String conversationId, String adminId) {
    write(
        () -> {
          Conversation c = requireConversation(conversationId);
          c.adminAssigneeId = Long.parseLong(adminId);
          Admin admin = generator.admins.get(0);
          addPart(c, "assignment", "admin", admin.id(), admin.name(), admin.email(), null);
          return null;
        });
  }

  void deleteConversation(String conversationId) {
    write(
        () -> {
          Conversation c = requireConversation(conversationId);
          conversationsById.remove(c.id);
          conversations.remove(c);
          c.deletedAt = now();
          deleted.add(new Deleted(c.id, c.deletedAt));
          return null;
        });
  }

  void deleteContact(String contactId) {
    write(
        () -> {
          Contact contact =
              Optional.ofNullable(contactsById.remove(contactId))
                  .orElseThrow(() -> new NoSuchElementException("no contact " + contactId));
          contact.deleted = true;
          deletedContacts.add(new Deleted(contactId, now()));
          return null;
        });
  }

  void updateContact(String contactId, String attribute, Object value) {
    write(
        () -> {
          Contact contact =
              Optional.ofNullable(contactsById.get(contactId))
                  .orElseThrow(() -> new NoSuchElementException("no contact " + contactId));
          contact.customAttributes.put(attribute, value);
          contact.updatedAt = Math.max(now(), contact.updatedAt + 1);
          return null;
        });
  }

  void renameCompany(String companyId, String name) {
    write(
        () -> {
          Company company =
              Optional.ofNullable(companiesById.get(companyId))
                  .orElseThrow(() -> new NoSuchElementException("no company " + companyId));
          company.name = name;
          company.updatedAt = Math.max(now(), company.updatedAt + 1);
          return null;
        });
  }

  void toggleSegment(String contactId, String segmentId) {
    write(
        () -> {
          Contact contact =
              Optional.ofNullable(contactsById.get(contactId))
                  .orElseThrow(() -> new NoSuchElementException("no contact " + contactId));
          if (generator.segments.stream().noneMatch(s -> s.id.equals(segmentId))) {
            throw new NoSuchElementException("no segment " + segmentId);
          }
          if (!contact.segmentIds.remove(segmentId)) {
            contact.segmentIds.add(segmentId);
          }
          contact.updatedAt = Math.max(now(), contact.updatedAt + 1);
          return null;
        });
  }

  /** A new conversation arrives now: customer-initiated, or outbound with or without a reply. */
  Conversation newConversation(Kind kind) {
    return write(
        () -> {
          long created = now();
          lastId += 1 + (lastId % 7);
          Contact contact = contactsById.values().iterator().next();
          Admin admin = generator.admins.get(1);
          Conversation c =
              kind == Kind.CUSTOMER_INITIATED
                  ? new Conversation(
                      conversations.size() + deleted.size(),
                      String.valueOf(lastId),
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
                      conversations.size() + deleted.size(),
                      String.valueOf(lastId),
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
          conversations.add(c);
          conversationsById.put(c.id, c);
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
          c.recomputeStatistics(parts(c));
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
    c.recomputeStatistics(parts(c));
    return part;
  }

  /**
   * Moves updated_at to now, strictly forward, so every change is visible to an updated_at window.
   */
  private long touch(Conversation c) {
    c.updatedAt = Math.max(now(), c.updatedAt + 1);
    return c.updatedAt;
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
