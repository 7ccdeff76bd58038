package com.feedbacksync.application.feedback;

import com.feedbacksync.application.model.CustomerQuery;
import com.feedbacksync.application.model.DocumentQuery;
import com.feedbacksync.application.model.DocumentSummary;
import com.feedbacksync.application.model.Lookup;
import com.feedbacksync.application.model.Slice;
import com.feedbacksync.application.model.StoredFile;
import com.feedbacksync.application.port.in.ReadFeedbackUseCase;
import com.feedbacksync.application.port.out.CustomerDirectory;
import com.feedbacksync.application.port.out.DocumentLibrary;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.document.FeedbackDocument;
import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.profile.CustomerProfile;
import java.util.Objects;
import java.util.Optional;

/** Reads the synced library; every read is scoped to one account by the ports themselves. */
public final class FeedbackService implements ReadFeedbackUseCase {

  private final DocumentLibrary documents;
  private final CustomerDirectory customers;

  public FeedbackService(DocumentLibrary documents, CustomerDirectory customers) {
    this.documents = Objects.requireNonNull(documents);
    this.customers = Objects.requireNonNull(customers);
  }

  @Override
  public Slice<DocumentSummary> documents(AccountId account, DocumentQuery query) {
    return documents.documents(account, query);
  }

  @Override
  public long countDocuments(AccountId account, DocumentQuery query) {
    return documents.count(account, query);
  }

  @Override
  public Lookup<DocumentWithCustomer> document(AccountId account, ConversationId id) {
    Lookup<FeedbackDocument> found = documents.document(account, id);
    if (found instanceof Lookup.Found<FeedbackDocument> f) {
      Optional<CustomerProfile> author =
          f.item()
              .customer()
              .flatMap(
                  c ->
                      customers.customer(account, c) instanceof Lookup.Found<CustomerProfile> p
                          ? Optional.of(p.item())
                          : Optional.empty());
      return new Lookup.Found<>(new DocumentWithCustomer(f.item(), author));
    }
    if (found instanceof Lookup.Deleted<FeedbackDocument> d) {
      return new Lookup.Deleted<>(d.deletedAt());
    }
    return new Lookup.Missing<>();
  }

  @Override
  public Lookup<FeedbackDocument> documentInfo(AccountId account, ConversationId id) {
    return documents.document(account, id);
  }

  @Override
  public Optional<StoredFile> file(AccountId account, ConversationId document, String fileId) {
    return documents.file(account, document, fileId);
  }

  @Override
  public Slice<CustomerProfile> customers(AccountId account, CustomerQuery query) {
    return customers.customers(account, query);
  }

  @Override
  public Lookup<CustomerProfile> customer(AccountId account, ContactId id) {
    return customers.customer(account, id);
  }
}
