package com.feedbacksync.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.application.model.AccessToken;
import com.feedbacksync.application.model.Checkpoint;
import com.feedbacksync.application.model.Connection;
import com.feedbacksync.application.model.ConnectionIdentity;
import com.feedbacksync.application.model.ConnectionState;
import com.feedbacksync.application.model.PageCursor;
import com.feedbacksync.application.model.RunCounts;
import com.feedbacksync.application.model.StoredFile;
import com.feedbacksync.application.model.SyncBatch;
import com.feedbacksync.application.model.SyncStream;
import com.feedbacksync.application.port.out.Connections;
import com.feedbacksync.application.port.out.SyncStore;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.document.DocumentMapping;
import com.feedbacksync.domain.document.MappingSettings;
import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.ContactRole;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.intercom.ConversationState;
import com.feedbacksync.domain.intercom.Region;
import com.feedbacksync.domain.intercom.Statistics;
import com.feedbacksync.domain.intercom.Tag;
import com.feedbacksync.domain.intercom.Workspace;
import com.feedbacksync.domain.intercom.WorkspaceId;
import com.feedbacksync.domain.profile.CustomerProfile;
import com.feedbacksync.domain.sync.HistoryCoverage;
import com.feedbacksync.domain.sync.HistoryPosition;
import com.feedbacksync.domain.sync.SyncedConversation;
import com.feedbacksync.domain.testing.ConversationBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SyncStore} promises, run against the in-memory fake and against MariaDB, so the
 * fake the service tests rely on behaves like the real thing.
 */
public abstract class SyncStoreContract {

  private static final Workspace WORKSPACE =
      new Workspace(new WorkspaceId("abc12345"), "Acme", Region.US);
  private static final Instant T = Instant.parse("2026-07-01T10:00:00Z");

  /** The store under test. */
  protected abstract SyncStore store();

  /** A new account the store may hold data for (a real store needs its row). */
  protected abstract AccountId newAccount();

  /** The connections a guarded batch is checked against (the same database as the store). */
  protected abstract Connections connections();

  /** How many files the store holds for the account, whatever the state of their documents. */
  protected abstract long storedFiles(AccountId account);

  /** The leases a fenced commit is checked against (the same database as the store). */
  protected abstract com.feedbacksync.application.port.out.Leases leases();

  private static SyncBatch.StoredDocument document(
      String id, Instant updatedAt, ConversationState state) {
    var conversation =
        ConversationBuilder.conversation()
            .id(id)
            .createdAt(T)
            .updatedAt(updatedAt)
            .state(state)
            .tag(Tag.named("9001", "bug"))
            .build();
    return new SyncBatch.StoredDocument(
        new DocumentMapping(MappingSettings.DEFAULT).map(WORKSPACE, conversation, updatedAt),
        SyncedConversation.of(conversation));
  }

  private static SyncBatch batch(
      List<SyncBatch.StoredDocument> documents, List<ConversationId> deletions) {
    return new SyncBatch(
        SyncStream.HISTORY,
        documents,
        List.of(),
        deletions,
        List.of(),
        List.of(),
        Checkpoint.START,
        RunCounts.NONE);
  }

  @Test
  void keeps_every_field_change_detection_compares() {
    // Each field distinct, so a store that mixes up the customer's and the agent's last reply,
    // drops a tag or a time's precision, fails here.
    var conversation =
        ConversationBuilder.conversation()
            .id("7")
            .createdAt(T)
            .updatedAt(T.plusSeconds(300))
            .state(ConversationState.SNOOZED)
            .tag(Tag.named("9001", "bug"))
            .tag(Tag.named("9002", "billing"))
            .statistics(
                new Statistics(
                    Optional.of(T.plusSeconds(60)),
                    Optional.of(T.plusSeconds(120)),
                    Optional.of(T.plusSeconds(240))))
            .build();
    SyncedConversation expected = SyncedConversation.of(conversation);
    AccountId account = newAccount();
    store()
        .commit(
            account,
            batch(
                List.of(
                    new SyncBatch.StoredDocument(
                        new DocumentMapping(MappingSettings.DEFAULT)
                            .map(WORKSPACE, conversation, T.plusSeconds(300)),
                        expected)),
                List.of()));
    assertEquals(
        Map.of(new ConversationId("7"), expected),
        store().synced(account, WORKSPACE.id(), List.of(new ConversationId("7"))));
  }

  @Test
  void keeps_what_change_detection_compares() {
    AccountId account = newAccount();
    store()
        .commit(
            account,
            batch(List.of(document("1", T.plusSeconds(60), ConversationState.CLOSED)), List.of()));
    SyncedConversation synced =
        store()
            .synced(
                account, WORKSPACE.id(), List.of(new ConversationId("1"), new ConversationId("2")))
            .get(new ConversationId("1"));
    assertEquals(T.plusSeconds(60), synced.updatedAt());
    assertEquals(ConversationState.CLOSED, synced.state());
    assertEquals(1, synced.tagIds().size());
    assertEquals(
        1,
        store()
            .synced(
                account, WORKSPACE.id(), List.of(new ConversationId("1"), new ConversationId("2")))
            .size());
  }

  @Test
  void a_stale_copy_never_overwrites_a_newer_one() {
    AccountId account = newAccount();
    store()
        .commit(
            account,
            batch(List.of(document("1", T.plusSeconds(60), ConversationState.CLOSED)), List.of()));
    store()
        .commit(
            account,
            batch(List.of(document("1", T.plusSeconds(30), ConversationState.OPEN)), List.of()));
    assertEquals(
        ConversationState.CLOSED,
        store()
            .synced(account, WORKSPACE.id(), List.of(new ConversationId("1")))
            .get(new ConversationId("1"))
            .state());
    store()
        .commit(
            account,
            batch(List.of(document("1", T.plusSeconds(90), ConversationState.OPEN)), List.of()));
    assertEquals(
        ConversationState.OPEN,
        store()
            .synced(account, WORKSPACE.id(), List.of(new ConversationId("1")))
            .get(new ConversationId("1"))
            .state());
  }

  @Test
  void a_deletion_leaves_a_tombstone_that_a_late_copy_does_not_revive() {
    AccountId account = newAccount();
    store().commit(account, batch(List.of(document("1", T, ConversationState.OPEN)), List.of()));
    store().commit(account, batch(List.of(), List.of(new ConversationId("1"))));
    assertTrue(store().synced(account, WORKSPACE.id(), List.of(new ConversationId("1"))).isEmpty());
    store()
        .commit(
            account,
            batch(List.of(document("1", T.plusSeconds(5), ConversationState.OPEN)), List.of()));
    assertTrue(store().synced(account, WORKSPACE.id(), List.of(new ConversationId("1"))).isEmpty());
  }

  @Test
  void checkpoints_come_back_as_they_were_committed() {
    AccountId account = newAccount();
    Instant watermark = T.truncatedTo(ChronoUnit.MICROS);
    Checkpoint checkpoint =
        new Checkpoint(
            Optional.of(new PageCursor("WzE3ODUsMjE1LDJd")),
            Optional.of(watermark),
            4999,
            Optional.of(watermark.plusSeconds(3600)),
            Optional.of(new HistoryPosition(watermark, new ConversationId("215474154263922"))),
            false,
            Optional.of(
                new HistoryPosition(
                    watermark.plusSeconds(7), new ConversationId("215474154263999"))));
    assertEquals(Checkpoint.START, store().checkpoint(account, SyncStream.BACKFILL));
    store()
        .commit(
            account,
            new SyncBatch(
                SyncStream.BACKFILL,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                checkpoint,
                RunCounts.NONE));
    assertEquals(checkpoint, store().checkpoint(account, SyncStream.BACKFILL));
    assertEquals(Checkpoint.START, store().checkpoint(account, SyncStream.HISTORY));
  }

  @Test
  void tells_which_customers_have_a_profile_written_since_an_instant_or_a_tombstone()
      throws InterruptedException {
    AccountId account = newAccount();
    ContactId rewritten = new ContactId("c-rewritten");
    ContactId confirmed = new ContactId("c-confirmed");
    ContactId earlier = new ContactId("c-earlier");
    ContactId gone = new ContactId("c-gone");
    ContactId never = new ContactId("c-never");
    List<ContactId> all = List.of(rewritten, confirmed, earlier, gone, never);
    store().commit(account, profiles(List.of(rewritten, confirmed, earlier, gone), T, List.of()));
    // The store stamps its writes with its own clock: the instants asked about are read around
    // them, a few milliseconds apart.
    Thread.sleep(20);
    Instant walkBegan = Instant.now();
    Thread.sleep(20);
    store().commit(account, profiles(List.of(rewritten), T, List.of(gone)));
    store().commit(account, profiles(List.of(confirmed), T.minusSeconds(60), List.of()));
    // The daily customer sync rewrites a profile: only history walks' writes are stamped.
    store()
        .commit(
            account,
            new SyncBatch(
                SyncStream.CUSTOMERS,
                List.of(),
                List.of(profile(earlier, T.plusSeconds(60))),
                List.of(),
                List.of(),
                List.of(),
                Checkpoint.START,
                RunCounts.NONE));

    assertEquals(
        Set.of(rewritten, confirmed, earlier, gone),
        store().profiled(account, WORKSPACE.id(), all, T));
    assertEquals(
        Set.of(rewritten, confirmed, gone),
        store().profiled(account, WORKSPACE.id(), all, walkBegan),
        "a profile written before the walk began (or since, by another stream) is not the"
            + " walk's; a stale copy confirms the newer one; a tombstone is final");
    assertEquals(
        Set.of(gone),
        store().profiled(account, WORKSPACE.id(), all, Instant.now().plusSeconds(60)));
    assertEquals(Set.of(), store().profiled(account, WORKSPACE.id(), List.of(), T));
    assertEquals(Set.of(), store().profiled(newAccount(), WORKSPACE.id(), all, T));
    assertEquals(Set.of(), store().profiled(account, OTHER_WORKSPACE, all, T));
  }

  private static SyncBatch profiles(
      List<ContactId> contacts, Instant updatedAt, List<ContactId> deleted) {
    return new SyncBatch(
        SyncStream.HISTORY,
        List.of(),
        contacts.stream().map(c -> profile(c, updatedAt)).toList(),
        List.of(),
        deleted,
        List.of(),
        Checkpoint.START,
        RunCounts.NONE);
  }

  private static CustomerProfile profile(ContactId id) {
    return profile(id, T);
  }

  private static CustomerProfile profile(ContactId id, Instant updatedAt) {
    return new CustomerProfile(
        WORKSPACE.id(),
        id,
        ContactRole.USER,
        Optional.of("Ada"),
        Optional.empty(),
        List.of(),
        List.of(),
        Map.of(),
        updatedAt);
  }

  @Test
  void accounts_never_see_each_others_data_and_a_purge_takes_only_its_own() {
    AccountId a = newAccount();
    AccountId b = newAccount();
    store().commit(a, batch(List.of(document("1", T, ConversationState.OPEN)), List.of()));
    store().commit(b, batch(List.of(document("1", T, ConversationState.OPEN)), List.of()));
    store().purge(a);
    assertTrue(store().synced(a, WORKSPACE.id(), List.of(new ConversationId("1"))).isEmpty());
    assertEquals(1, store().synced(b, WORKSPACE.id(), List.of(new ConversationId("1"))).size());
  }

  @Test
  void a_run_of_another_workspace_neither_sees_nor_tombstones_this_workspaces_documents() {
    AccountId account = newAccount();
    store().commit(account, batch(List.of(document("1", T, ConversationState.OPEN)), List.of()));
    assertTrue(
        store().synced(account, OTHER_WORKSPACE, List.of(new ConversationId("1"))).isEmpty(),
        "the other workspace's conversation 1 is not this one");
    assertEquals(
        Set.of(),
        store().profiled(account, OTHER_WORKSPACE, List.of(new ContactId("c1")), T),
        "nor are its customers");

    ConnectionIdentity other = new ConnectionIdentity(account, OTHER_WORKSPACE, 7L);
    connections()
        .save(
            new Connection(
                account,
                new Workspace(OTHER_WORKSPACE, "Other", Region.US),
                new AccessToken("contract-token-other"),
                ConnectionState.CONNECTED,
                "ada",
                T,
                new HistoryCoverage.NotYet(),
                Optional.empty(),
                7L));
    store()
        .commit(
            account,
            new SyncBatch(
                    SyncStream.DELETIONS,
                    List.of(),
                    List.of(),
                    List.of(new ConversationId("1")),
                    List.of(),
                    List.of(),
                    Checkpoint.START,
                    RunCounts.NONE)
                .guardedBy(other));

    assertEquals(
        1,
        store().synced(account, WORKSPACE.id(), List.of(new ConversationId("1"))).size(),
        "a deletion in the other workspace leaves this workspace's document");
  }

  private static final WorkspaceId OTHER_WORKSPACE = new WorkspaceId("xyz98765");

  /** The account connected to the contract's workspace under this grant. */
  private ConnectionIdentity connect(AccountId account, long grant) {
    Connection connection =
        new Connection(
            account,
            WORKSPACE,
            new AccessToken("contract-token-" + account.value()),
            ConnectionState.CONNECTED,
            "ada",
            T,
            new HistoryCoverage.NotYet(),
            Optional.empty(),
            grant);
    connections().save(connection);
    return connection.identity();
  }

  /** Conversation 1 with files a and b, conversation 2 with file c: two bytes each. */
  private void storeThreeFiles(AccountId account, ConnectionIdentity connection) {
    store()
        .commit(
            account,
            withFiles(
                    SyncStream.HISTORY,
                    List.of(
                        document("1", T, ConversationState.OPEN),
                        document("2", T, ConversationState.OPEN)),
                    List.of(file("1", "a"), file("1", "b"), file("2", "c")))
                .guardedBy(connection));
  }

  private static StoredFile file(String conversation, String fileId) {
    return new StoredFile(
        new ConversationId(conversation),
        fileId,
        fileId + ".png",
        "image/png",
        com.feedbacksync.application.model.FileContent.of(new byte[] {1, 2}));
  }

  private static SyncBatch withFiles(
      SyncStream stream, List<SyncBatch.StoredDocument> documents, List<StoredFile> files) {
    return new SyncBatch(
        stream,
        documents,
        List.of(),
        List.of(),
        List.of(),
        files,
        Checkpoint.START,
        RunCounts.NONE);
  }

  private static Checkpoint takenDownTo(String conversation) {
    return Checkpoint.history(
        Optional.empty(),
        Optional.empty(),
        1,
        Optional.of(new HistoryPosition(T, new ConversationId(conversation))),
        false,
        Optional.empty());
  }

  @Test
  void a_guarded_batch_is_written_while_its_connection_stands_and_refused_once_it_is_gone() {
    AccountId account = newAccount();
    ConnectionIdentity connection = connect(account, 41L);
    store()
        .commit(
            account,
            new SyncBatch(
                    SyncStream.HISTORY,
                    List.of(document("1", T, ConversationState.OPEN)),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(file("1", "f1")),
                    takenDownTo("1"),
                    RunCounts.NONE)
                .guardedBy(connection));
    assertEquals(
        1, store().synced(account, WORKSPACE.id(), List.of(new ConversationId("1"))).size());

    connections().remove(account);
    SyncBatch late =
        new SyncBatch(
                SyncStream.HISTORY,
                List.of(document("2", T, ConversationState.OPEN)),
                List.of(profile(new ContactId("c-late"))),
                List.of(new ConversationId("1")),
                List.of(),
                List.of(file("2", "f2")),
                takenDownTo("2"),
                RunCounts.NONE)
            .guardedBy(connection);
    assertThrows(SyncStore.ConnectionGone.class, () -> store().commit(account, late));

    assertTrue(
        store().synced(account, WORKSPACE.id(), List.of(new ConversationId("2"))).isEmpty(),
        "the document of the refused batch was not written");
    assertEquals(
        1,
        store().synced(account, WORKSPACE.id(), List.of(new ConversationId("1"))).size(),
        "its deletion was not applied either");
    assertEquals(
        Set.of(), store().profiled(account, WORKSPACE.id(), List.of(new ContactId("c-late")), T));
    assertEquals(1, storedFiles(account), "only the first batch's file is stored");
    assertEquals(
        takenDownTo("1"),
        store().checkpoint(account, SyncStream.HISTORY),
        "the checkpoint stays where the last written batch left it");
  }

  @Test
  void a_batch_guarded_by_an_older_grant_is_refused_after_a_reconnect() {
    AccountId account = newAccount();
    ConnectionIdentity old = connect(account, 1L);
    connect(account, 2L);
    assertThrows(
        SyncStore.ConnectionGone.class,
        () ->
            store()
                .commit(
                    account,
                    batch(List.of(document("1", T, ConversationState.OPEN)), List.of())
                        .guardedBy(old)));
    assertTrue(store().synced(account, WORKSPACE.id(), List.of(new ConversationId("1"))).isEmpty());
  }

  @Test
  void tombstoning_a_conversation_deletes_its_files_and_only_its_own() {
    AccountId account = newAccount();
    ConnectionIdentity connection = connect(account, 5L);
    storeThreeFiles(account, connection);
    assertEquals(3, storedFiles(account));

    store()
        .commit(account, batch(List.of(), List.of(new ConversationId("1"))).guardedBy(connection));

    assertEquals(1, storedFiles(account), "conversation 1's two files went with it");
    assertEquals(
        1, store().synced(account, WORKSPACE.id(), List.of(new ConversationId("2"))).size());
  }

  @Test
  void lists_a_conversations_stored_files_with_their_sizes_and_nothing_else() {
    AccountId account = newAccount();
    ConnectionIdentity connection = connect(account, 6L);
    storeThreeFiles(account, connection);
    ConversationId one = new ConversationId("1");

    assertEquals(Map.of("a", 2L, "b", 2L), store().storedFiles(account, WORKSPACE.id(), one));
    assertEquals(
        Map.of(),
        store().storedFiles(account, OTHER_WORKSPACE, one),
        "another workspace's conversation 1 is not this one");
    assertEquals(Map.of(), store().storedFiles(newAccount(), WORKSPACE.id(), one));
    assertEquals(Map.of(), store().storedFiles(account, WORKSPACE.id(), new ConversationId("3")));

    store().commit(account, batch(List.of(), List.of(one)).guardedBy(connection));
    assertEquals(
        Map.of(), store().storedFiles(account, WORKSPACE.id(), one), "gone with its tombstone");
  }

  @Test
  void a_purge_deletes_the_accounts_files_and_leaves_others_alone() {
    AccountId account = newAccount();
    AccountId other = newAccount();
    for (AccountId a : List.of(account, other)) {
      store()
          .commit(
              a,
              withFiles(
                  SyncStream.HISTORY,
                  List.of(document("1", T, ConversationState.OPEN)),
                  List.of(file("1", "a"), file("1", "b"))));
    }
    store().purge(account);
    assertEquals(0, storedFiles(account));
    assertEquals(2, storedFiles(other));
  }

  @Test
  void starting_another_workspace_forgets_the_checkpoints_of_the_previous_one() {
    AccountId account = newAccount();
    ConnectionIdentity connection = connect(account, 9L);
    for (SyncStream stream : List.of(SyncStream.HISTORY, SyncStream.CONVERSATIONS)) {
      store()
          .commit(
              account,
              new SyncBatch(
                      stream,
                      List.of(),
                      List.of(),
                      List.of(),
                      List.of(),
                      List.of(),
                      takenDownTo("7"),
                      RunCounts.NONE)
                  .guardedBy(connection));
    }

    store().startWorkspace(account, WORKSPACE.id());
    assertEquals(
        takenDownTo("7"),
        store().checkpoint(account, SyncStream.HISTORY),
        "the same workspace again resumes where it stood");

    store().startWorkspace(account, OTHER_WORKSPACE);
    assertEquals(Checkpoint.START, store().checkpoint(account, SyncStream.HISTORY));
    assertEquals(Checkpoint.START, store().checkpoint(account, SyncStream.CONVERSATIONS));
  }

  private static SyncBatch settingAside(
      List<SyncBatch.StoredDocument> documents,
      List<com.feedbacksync.application.model.SetAside> items) {
    return new SyncBatch(
        SyncStream.DEAD_LETTERS,
        documents,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        Checkpoint.START,
        RunCounts.NONE,
        Optional.empty(),
        items);
  }

  @Test
  void a_dead_letter_counts_its_attempts_and_a_read_clears_it() {
    AccountId account = newAccount();
    ConnectionIdentity connection = connect(account, 12L);
    var unreadable =
        com.feedbacksync.application.model.SetAside.unreadable(
            com.feedbacksync.application.model.ItemKind.CONVERSATION, "7", "answered 500");
    var contact =
        com.feedbacksync.application.model.SetAside.unreadable(
            com.feedbacksync.application.model.ItemKind.CONTACT, "c-7", "answered 400");
    store()
        .commit(
            account,
            settingAside(
                    List.of(),
                    List.of(
                        unreadable,
                        contact,
                        com.feedbacksync.application.model.SetAside.withoutReply("8")))
                .guardedBy(connection));
    var letters = store().deadLetters(account, WORKSPACE.id(), 10);
    assertEquals(2, letters.size(), "the two unreadable ones, not the one without reply");
    assertTrue(letters.stream().allMatch(l -> l.attempts() == 1));

    store().commit(account, settingAside(List.of(), List.of(unreadable)).guardedBy(connection));
    var again =
        store().deadLetters(account, WORKSPACE.id(), 10).stream()
            .filter(l -> l.intercomId().equals("7"))
            .findFirst()
            .orElseThrow();
    assertEquals(2, again.attempts());
    assertEquals(
        letters.stream()
            .filter(l -> l.intercomId().equals("7"))
            .findFirst()
            .orElseThrow()
            .firstSeen(),
        again.firstSeen(),
        "its first sighting stays");
    assertEquals(
        List.of(), store().deadLetters(account, OTHER_WORKSPACE, 10), "another workspace has none");

    store()
        .commit(
            account,
            settingAside(List.of(document("7", T, ConversationState.OPEN)), List.of())
                .guardedBy(connection));
    assertEquals(
        List.of("c-7"),
        store().deadLetters(account, WORKSPACE.id(), 10).stream()
            .map(com.feedbacksync.application.model.SkippedItem::intercomId)
            .toList(),
        "the stored conversation is no longer a dead letter");

    store().purge(account);
    assertEquals(List.of(), store().deadLetters(account, WORKSPACE.id(), 10));
  }

  @Test
  void a_commit_fenced_by_a_lease_another_server_took_over_writes_nothing() {
    AccountId account = newAccount();
    var leases = leases();
    java.time.Duration minutes = java.time.Duration.ofMinutes(5);
    var lost = leases.claim(account, "sync", "server-1", minutes).orElseThrow().token();
    // server-1's lease ends (here released; expiry is the leases' contract) and server-2 takes it.
    leases.release(lost);
    var held = leases.claim(account, "sync", "server-2", minutes).orElseThrow().token();
    SyncBatch page =
        new SyncBatch(
            SyncStream.HISTORY,
            List.of(document("1", T.plusSeconds(60), ConversationState.OPEN)),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            Checkpoint.windowed(Optional.empty(), Optional.of(T), Optional.empty()),
            RunCounts.NONE);

    assertThrows(SyncStore.LeaseLost.class, () -> store().commit(account, page, lost));
    assertEquals(
        Map.of(), store().synced(account, WORKSPACE.id(), List.of(new ConversationId("1"))));
    assertEquals(Checkpoint.START, store().checkpoint(account, SyncStream.HISTORY));
    assertThrows(
        SyncStore.LeaseLost.class,
        () -> store().commit(newAccount(), page, held),
        "another account's lease fences nothing of this one");

    store().commit(account, page, held);
    assertEquals(
        1, store().synced(account, WORKSPACE.id(), List.of(new ConversationId("1"))).size());
    assertEquals(page.checkpoint(), store().checkpoint(account, SyncStream.HISTORY));
    leases.release(held);
  }
}
