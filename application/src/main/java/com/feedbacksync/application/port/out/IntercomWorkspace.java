package com.feedbacksync.application.port.out;

import com.feedbacksync.application.model.ConversationFetch;
import com.feedbacksync.application.model.DeletedConversation;
import com.feedbacksync.application.model.Download;
import com.feedbacksync.application.model.Page;
import com.feedbacksync.application.model.PageCursor;
import com.feedbacksync.application.model.TimeWindow;
import com.feedbacksync.domain.intercom.Company;
import com.feedbacksync.domain.intercom.CompanyId;
import com.feedbacksync.domain.intercom.Contact;
import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.intercom.ConversationListing;
import com.feedbacksync.domain.intercom.Segment;
import com.feedbacksync.domain.sync.HistoryPosition;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * One connected Intercom workspace, read as the sync needs it. Listings carry every conversation,
 * answered or not: Intercom's statistics can disagree with the parts, so the reply rule decides on
 * the fetched conversation. Every method may throw an {@link IntercomFailure}.
 */
public interface IntercomWorkspace {

  /** Conversations updated within the window, oldest update first, pages of up to 150. */
  Page<ConversationListing> conversationsUpdated(TimeWindow window, Optional<PageCursor> after);

  /**
   * Conversations newest first by creation time: the order of a Start plan's first sync; with
   * {@code olderThan}, only those older than that position (the backfill after an upgrade starts
   * below the oldest conversation the first sync took, the same second's by id).
   */
  Page<ConversationListing> conversationsNewestFirst(
      Optional<HistoryPosition> olderThan, Optional<PageCursor> after);

  /** One conversation with its parts (Intercom returns the 500 most recent). */
  ConversationFetch conversation(ConversationId id);

  /** Conversations deleted, page by page (page numbers from 1). */
  Page<DeletedConversation> deletedConversations(Optional<PageCursor> after);

  /** Contacts updated at or after {@code since}, oldest update first. */
  Page<Contact> contactsUpdatedSince(Instant since, Optional<PageCursor> after);

  /** One contact, or empty when it was deleted. */
  Optional<Contact> contact(ContactId id);

  /**
   * The contacts among these that Intercom's contact search finds, in as few searches as the ids
   * allow. One not found may be deleted, merged away, or too new for the search index: only {@link
   * #contact} tells.
   */
  List<Contact> contacts(Collection<ContactId> ids);

  List<Segment> segmentsOf(ContactId id);

  /** All the contact's companies (a contact lists only its first ten with it). */
  List<Company> companiesOf(ContactId id);

  /**
   * Every company that has contacts, a page at a time, in no order that helps (Intercom lists them
   * by last request, and no listing filters on update time). Read by page number, never by scroll:
   * Intercom allows one open companies scroll per app, which another client may hold.
   */
  Page<Company> companies(Optional<PageCursor> after);

  /** The company's contacts, a page at a time; none when Intercom no longer has the company. */
  Page<Contact> contactsOf(CompanyId company, Optional<PageCursor> after);

  /** One company, or empty when Intercom no longer has it. */
  Optional<Company> company(CompanyId id);

  /**
   * Downloads an attachment or inline image, from an allowed host and within the size limit.
   *
   * @param maxBytes the most the caller can keep: a larger file is refused ({@link
   *     IntercomFailure.TooLarge}) without reading more of it
   */
  Download download(String url, long maxBytes);

  /** How many calls this workspace's client made, and how often it waited for the rate limit. */
  CallCounts callCounts();

  /** Calls made and rate-limit waits, for a sync run's counts. */
  record CallCounts(long calls, long rateLimitWaits) {}
}
