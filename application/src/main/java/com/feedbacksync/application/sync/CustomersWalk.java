package com.feedbacksync.application.sync;

import com.feedbacksync.application.model.Checkpoint;
import com.feedbacksync.application.model.Page;
import com.feedbacksync.application.model.PageCursor;
import com.feedbacksync.application.model.SyncStream;
import com.feedbacksync.domain.intercom.Contact;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The daily customers sync: contacts updated since the last daily run, whether or not they wrote,
 * with their segments and companies, committed a page at a time.
 */
final class CustomersWalk {

  private final SyncRun run;
  private final ProfileFetches profiles;

  CustomersWalk(SyncRun run, ProfileFetches profiles) {
    this.run = run;
    this.profiles = profiles;
  }

  void walk() {
    Checkpoint cp = run.checkpoint(SyncStream.CUSTOMERS);
    // Intercom's times are whole seconds: a contact updated later in the second the last run
    // started shows that second, so the whole second counts.
    Instant since = cp.watermark().orElse(Instant.EPOCH).truncatedTo(ChronoUnit.SECONDS);
    Instant runStart = cp.windowEnd().orElse(run.now());
    Optional<PageCursor> cursor = cp.cursor();
    while (true) {
      Page<Contact> page = run.workspace().contactsUpdatedSince(since, cursor);
      PendingBatch part = new PendingBatch();
      part.unread(page);
      for (Contact contact : page.items()) {
        // Claimed, so that the companies walk after this one does not fetch it again.
        profiles.claim(contact.id());
        // Its segments and companies are read per contact: one that cannot be had is set aside.
        profiles.refresh(contact, part);
      }
      cursor = page.next();
      boolean last = page.isLast();
      Checkpoint next =
          last
              ? Checkpoint.windowed(Optional.empty(), Optional.of(runStart), Optional.empty())
              // The watermark stays as it was (none before the first daily run: not the epoch,
              // which a TIMESTAMP column cannot hold).
              : Checkpoint.windowed(cursor, cp.watermark(), Optional.of(runStart));
      run.commit(part.batch(SyncStream.CUSTOMERS, next));
      run.progressed(page.items().size(), page.total(), Long.MAX_VALUE);
      if (last) {
        return;
      }
    }
  }
}
