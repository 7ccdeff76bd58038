package com.feedbacksync.application.fakes;

import com.feedbacksync.application.port.out.Checkpoint;
import com.feedbacksync.application.port.out.SyncBatch;
import com.feedbacksync.application.port.out.SyncStore;
import com.feedbacksync.application.port.out.SyncStream;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.profile.CustomerProfile;
import com.feedbacksync.domain.sync.SyncedConversation;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** A fake of the {@link SyncStore} port that keeps each account's data in maps. */
public final class InMemorySyncStore implements SyncStore {

  /** One account's data. */
  public static final class Data {
    public final Map<ConversationId, SyncBatch.StoredDocument> documents =
        new TreeMap<>(java.util.Comparator.comparing(ConversationId::value));
    public final Set<ConversationId> tombstones = new HashSet<>();
    public final Set<ContactId> contactTombstones = new HashSet<>();
    public final Map<ContactId, CustomerProfile> profiles = new HashMap<>();
    public final Map<SyncStream, Checkpoint> checkpoints = new HashMap<>();
    public final Map<String, com.feedbacksync.application.port.out.StoredFile> files =
        new HashMap<>();
    public int commits;
  }

  private final Map<AccountId, Data> accounts = new HashMap<>();

  public synchronized Data data(AccountId account) {
    return accounts.computeIfAbsent(account, a -> new Data());
  }

  @Override
  public synchronized Map<ConversationId, SyncedConversation> synced(
      AccountId account, Collection<ConversationId> ids) {
    Map<ConversationId, SyncedConversation> found = new HashMap<>();
    Data data = data(account);
    ids.forEach(
        id -> {
          SyncBatch.StoredDocument d = data.documents.get(id);
          if (d != null) {
            found.put(id, d.synced());
          }
        });
    return found;
  }

  @Override
  public synchronized Checkpoint checkpoint(AccountId account, SyncStream stream) {
    return data(account).checkpoints.getOrDefault(stream, Checkpoint.START);
  }

  @Override
  public synchronized void commit(AccountId account, SyncBatch batch) {
    Data data = data(account);
    for (SyncBatch.StoredDocument d : batch.documents()) {
      SyncBatch.StoredDocument old = data.documents.get(d.document().conversationId());
      boolean tombstoned = data.tombstones.contains(d.document().conversationId());
      if (!tombstoned
          && (old == null || !d.document().updatedAt().isBefore(old.document().updatedAt()))) {
        data.documents.put(d.document().conversationId(), d);
      }
    }
    batch.profiles().forEach(p -> data.profiles.put(p.contactId(), p));
    batch
        .deletedContacts()
        .forEach(
            id -> {
              data.profiles.remove(id);
              data.contactTombstones.add(id);
            });
    batch.files().forEach(f -> data.files.put(f.conversation().value() + "/" + f.fileId(), f));
    batch
        .deletions()
        .forEach(
            id -> {
              data.documents.remove(id);
              data.tombstones.add(id);
            });
    data.checkpoints.put(batch.stream(), batch.checkpoint());
    data.commits++;
  }

  @Override
  public synchronized void purge(AccountId account) {
    accounts.remove(account);
  }
}
