package com.feedbacksync.application.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.feedbacksync.application.fakes.InMemorySyncStore;
import com.feedbacksync.application.model.Checkpoint;
import com.feedbacksync.application.model.Lookup;
import com.feedbacksync.application.model.RunCounts;
import com.feedbacksync.application.model.SyncBatch;
import com.feedbacksync.application.model.SyncStream;
import com.feedbacksync.application.port.in.ReadFeedbackUseCase.DocumentWithCustomer;
import com.feedbacksync.application.port.out.CustomerDirectory;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.document.DocumentMapping;
import com.feedbacksync.domain.document.FeedbackDocument;
import com.feedbacksync.domain.document.MappingSettings;
import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.ContactRole;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.intercom.Region;
import com.feedbacksync.domain.intercom.Workspace;
import com.feedbacksync.domain.intercom.WorkspaceId;
import com.feedbacksync.domain.profile.CustomerProfile;
import com.feedbacksync.domain.sync.SyncedConversation;
import com.feedbacksync.domain.testing.ConversationBuilder;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeedbackServiceTest {

  private static final AccountId ACME = new AccountId("acme");
  private static final Workspace WORKSPACE =
      new Workspace(new WorkspaceId("w1"), "Acme", Region.US);

  private final InMemorySyncStore store = new InMemorySyncStore();
  private final FeedbackService reader = new FeedbackService(store, store);

  private FeedbackDocument commit(String id, List<CustomerProfile> profiles) {
    var conversation = ConversationBuilder.conversation().id(id).build();
    FeedbackDocument document =
        new DocumentMapping(MappingSettings.DEFAULT)
            .map(WORKSPACE, conversation, ConversationBuilder.T0);
    store.commit(
        ACME,
        new SyncBatch(
            SyncStream.HISTORY,
            List.of(new SyncBatch.StoredDocument(document, SyncedConversation.of(conversation))),
            profiles,
            List.of(),
            List.of(),
            List.of(),
            Checkpoint.START,
            RunCounts.NONE));
    return document;
  }

  private static CustomerProfile casey() {
    return new CustomerProfile(
        WORKSPACE.id(),
        new ContactId("c1"),
        ContactRole.USER,
        Optional.of("Casey"),
        Optional.of("casey@example.com"),
        List.of(),
        List.of(),
        Map.of(),
        ConversationBuilder.T0);
  }

  @Test
  void a_document_comes_with_its_authors_profile() {
    FeedbackDocument document = commit("1", List.of(casey()));
    assertEquals(
        new Lookup.Found<>(new DocumentWithCustomer(document, Optional.of(casey()))),
        reader.document(ACME, new ConversationId("1")));
  }

  @Test
  void a_document_whose_author_is_not_synced_yet_comes_without_a_profile() {
    FeedbackDocument document = commit("2", List.of());
    assertEquals(
        new Lookup.Found<>(new DocumentWithCustomer(document, Optional.empty())),
        reader.document(ACME, new ConversationId("2")));
  }

  @Test
  void a_deleted_document_says_so_and_an_unknown_one_is_missing() {
    commit("3", List.of());
    store.commit(
        ACME,
        new SyncBatch(
            SyncStream.DELETIONS,
            List.of(),
            List.of(),
            List.of(new ConversationId("3")),
            List.of(),
            List.of(),
            Checkpoint.START,
            RunCounts.NONE));
    assertInstanceOf(Lookup.Deleted.class, reader.document(ACME, new ConversationId("3")));
    assertInstanceOf(Lookup.Missing.class, reader.document(ACME, new ConversationId("4")));
    assertInstanceOf(
        Lookup.Missing.class, reader.document(new AccountId("other"), new ConversationId("3")));
  }

  @Test
  void document_info_is_the_document_alone_without_reading_a_profile() {
    FeedbackDocument document = commit("5", List.of(casey()));
    CustomerDirectory unread =
        (CustomerDirectory)
            Proxy.newProxyInstance(
                CustomerDirectory.class.getClassLoader(),
                new Class<?>[] {CustomerDirectory.class},
                (proxy, method, args) -> {
                  throw new AssertionError("Document Info read a profile: " + method.getName());
                });
    FeedbackService info = new FeedbackService(store, unread);
    assertEquals(new Lookup.Found<>(document), info.documentInfo(ACME, new ConversationId("5")));
    assertInstanceOf(
        Lookup.Missing.class, info.documentInfo(new AccountId("other"), new ConversationId("5")));
  }
}
