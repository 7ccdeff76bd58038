package com.feedbacksync.application.sync;

import com.feedbacksync.application.model.Checkpoint;
import com.feedbacksync.application.model.Page;
import com.feedbacksync.application.model.PageCursor;
import com.feedbacksync.application.model.SyncStream;
import com.feedbacksync.domain.intercom.Company;
import com.feedbacksync.domain.intercom.Contact;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The daily sync's companies, after its contacts: a company changed (its name, plan, attributes)
 * while none of its contacts did changes their profiles all the same, and no contact listing shows
 * it. Intercom filters no company listing on update time, so every company is listed and those
 * updated since the last daily run lead to their contacts, whose profiles (with their segments) are
 * fetched again unless this run already did. Committed a company listing page at a time, and within
 * one company a contacts page at a time.
 */
final class CompaniesWalk {

  private final SyncRun run;
  private final ProfileFetches profiles;

  CompaniesWalk(SyncRun run, ProfileFetches profiles) {
    this.run = run;
    this.profiles = profiles;
  }

  /**
   * @param customersSince where the contacts walk of this run started (empty: it took every
   *     contact), the start for a companies walk that never finished before
   */
  void walk(Optional<Instant> customersSince) {
    Checkpoint cp = run.checkpoint(SyncStream.COMPANIES);
    Instant runStart = cp.windowEnd().orElse(run.now());
    Optional<Instant> since = cp.watermark().or(() -> customersSince);
    if (since.isEmpty()) {
      // The first daily run: its contacts walk took every contact with its companies just now.
      run.commit(
          new PendingBatch()
              .batch(
                  SyncStream.COMPANIES,
                  Checkpoint.windowed(Optional.empty(), Optional.of(runStart), Optional.empty())));
      return;
    }
    // Intercom's times are whole seconds: a company updated later in the second the last run
    // started shows that second, so the whole second counts (at worst a few profiles again).
    Instant from = since.get().truncatedTo(ChronoUnit.SECONDS);
    Optional<PageCursor> cursor = cp.cursor();
    while (true) {
      Page<Company> page = run.workspace().companies(cursor);
      Checkpoint here = Checkpoint.windowed(cursor, since, Optional.of(runStart));
      for (Company company : page.items()) {
        profiles.known(company);
        if (!company.updatedAt().isBefore(from)) {
          refreshContactsOf(company, here);
        }
      }
      cursor = page.next();
      boolean last = page.isLast();
      Checkpoint next =
          last
              ? Checkpoint.windowed(Optional.empty(), Optional.of(runStart), Optional.empty())
              : Checkpoint.windowed(cursor, since, Optional.of(runStart));
      PendingBatch part = new PendingBatch();
      // A company the listing showed unreadably is counted; its contacts come by their own updates.
      part.unread(page);
      run.commit(part.batch(SyncStream.COMPANIES, next));
      run.progressed(page.items().size(), page.total(), Long.MAX_VALUE);
      if (last) {
        return;
      }
    }
  }

  /**
   * The profiles of the company's contacts this run has not fetched yet, a contacts page per
   * commit; the checkpoint stays on the company's listing page, so a crash redoes that page.
   */
  private void refreshContactsOf(Company company, Checkpoint here) {
    Optional<PageCursor> cursor = Optional.empty();
    while (true) {
      Page<Contact> page = run.workspace().contactsOf(company.id(), cursor);
      PendingBatch part = new PendingBatch();
      part.unread(page);
      for (Contact contact : page.items()) {
        if (profiles.claim(contact.id())) {
          profiles.refresh(contact, part);
        }
      }
      run.commit(part.batch(SyncStream.COMPANIES, here));
      cursor = page.next();
      if (page.isLast()) {
        return;
      }
    }
  }
}
