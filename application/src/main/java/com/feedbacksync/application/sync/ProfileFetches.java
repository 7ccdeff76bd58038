package com.feedbacksync.application.sync;

import com.feedbacksync.application.model.ItemKind;
import com.feedbacksync.application.model.SetAside;
import com.feedbacksync.application.model.SyncBatch.StoredDocument;
import com.feedbacksync.application.port.out.IntercomWorkspace;
import com.feedbacksync.domain.intercom.Contact;
import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.WorkspaceId;
import com.feedbacksync.domain.profile.CustomerProfile;
import com.feedbacksync.domain.profile.ProfileMapping;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Customer profiles as a run fetches them: each customer at most once per run, with its segments
 * and, when it has any, its companies. Safe on the fetchers' threads.
 */
final class ProfileFetches {

  private final IntercomWorkspace workspace;
  private final WorkspaceId workspaceId;
  private final Fetchers fetchers;
  private final ItemReads reads;

  /** Customers whose profile this run fetched or is fetching. */
  private final Set<ContactId> claimed = ConcurrentHashMap.newKeySet();

  ProfileFetches(
      IntercomWorkspace workspace, WorkspaceId workspaceId, Fetchers fetchers, ItemReads reads) {
    this.reads = reads;
    this.workspace = workspace;
    this.workspaceId = workspaceId;
    this.fetchers = fetchers;
  }

  /**
   * The profiles found, the customers Intercom no longer has (their tombstones), and those that
   * could not be read (set aside; their documents are kept all the same).
   */
  record Authors(List<CustomerProfile> profiles, List<ContactId> gone, List<SetAside> unreadable) {}

  /** Whether this is the run's first meeting with the customer: only then is it fetched. */
  boolean claim(ContactId customer) {
    return claimed.add(customer);
  }

  /** The customer's profile, or empty when Intercom no longer has the contact. */
  Optional<CustomerProfile> fetch(ContactId customer) {
    return workspace.contact(customer).map(this::profile);
  }

  /** {@link #fetch}, or why this customer alone could not be read. */
  ItemRead<Optional<CustomerProfile>> read(ContactId customer) {
    return reads.of(() -> fetch(customer));
  }

  CustomerProfile profile(Contact contact) {
    // The contact lists its companies' ids; one without companies costs no companies call.
    return ProfileMapping.map(
        workspaceId,
        contact,
        contact.companyIds().isEmpty() ? List.of() : workspace.companiesOf(contact.id()),
        workspace.segmentsOf(contact.id()));
  }

  /** The profiles of the documents' authors this run has not met yet, fetched side by side. */
  Authors authorsOf(List<StoredDocument> documents) {
    Set<ContactId> wanted = new LinkedHashSet<>();
    documents.forEach(d -> d.document().customer().filter(this::claim).ifPresent(wanted::add));
    List<ContactId> ids = List.copyOf(wanted);
    List<ItemRead<Optional<CustomerProfile>>> found = fetchers.map(ids, this::read);
    List<CustomerProfile> profiles = new ArrayList<>();
    List<ContactId> gone = new ArrayList<>();
    List<SetAside> unreadable = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      ContactId id = ids.get(i);
      if (found.get(i) instanceof ItemRead.Read<Optional<CustomerProfile>> read) {
        read.value().ifPresentOrElse(profiles::add, () -> gone.add(id));
      } else if (found.get(i) instanceof ItemRead.Unreadable<Optional<CustomerProfile>> failed) {
        unreadable.add(failed.setAside(ItemKind.CONTACT, id.value()));
      }
    }
    return new Authors(profiles, gone, unreadable);
  }
}
