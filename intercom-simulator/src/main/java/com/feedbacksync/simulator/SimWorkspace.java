package com.feedbacksync.simulator;

import com.feedbacksync.simulator.Model.Admin;
import com.feedbacksync.simulator.Model.Company;
import com.feedbacksync.simulator.Model.Contact;
import com.feedbacksync.simulator.Model.Conversation;
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
 * ({@link WorkspaceChanges}: a customer replies, a tag is added, ...) at the simulator's clock.
 * Reads share a lock; changes take it alone and bump {@link #version()}, which invalidates cached
 * search results.
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

  <T> T write(Supplier<T> writer) {
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

  // ---- membership, for WorkspaceChanges: callers hold the write lock ---------------------------

  /** The id of a conversation arriving now: past the last one, in uneven steps. */
  long nextConversationId() {
    lastId += 1 + (lastId % 7);
    return lastId;
  }

  /** How many conversations there have been, deleted ones included: a new one's index. */
  int conversationCount() {
    return conversations.size() + deleted.size();
  }

  void add(Conversation c) {
    conversations.add(c);
    conversationsById.put(c.id, c);
  }

  /** Removes the conversation, keeping its tombstone for {@link #deletedConversations()}. */
  void delete(Conversation c) {
    conversationsById.remove(c.id);
    conversations.remove(c);
    c.deletedAt = now();
    deleted.add(new Deleted(c.id, c.deletedAt));
  }

  /** Removes the contact, keeping its tombstone for {@link #deletedContacts()}. */
  void delete(Contact contact) {
    contactsById.remove(contact.id);
    contact.deleted = true;
    deletedContacts.add(new Deleted(contact.id, now()));
  }
}
