package com.feedbacksync.simulator;

import com.feedbacksync.simulator.Model.Contact;
import com.feedbacksync.simulator.Model.Conversation;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The fewest Intercom calls a first sync of the whole workspace can make with customer profiles,
 * worked out from the simulator's own records and the API's limits, never from a client's counts:
 *
 * <ul>
 *   <li>conversations: search pages of {@value Search#MAX_PER_PAGE}, and one retrieve per listed
 *       conversation (only its parts tell whether a customer wrote: the statistics can disagree);
 *   <li>customers (the distinct contacts of the kept conversations): contact search by id, {@value
 *       Contacts#MAX_PER_PAGE} to a page ({@code id IN [...]}), one segments call each (contacts do
 *       not carry their segments), one retrieve each for those Intercom no longer has (a search
 *       miss alone does not prove a deletion: new contacts reach the search index late);
 *   <li>companies: one retrieve per distinct company of those customers; a customer with more
 *       companies than a contact lists ({@value ContactRender#ADDRESSABLE_LIMIT}) costs one call
 *       for all of them instead.
 * </ul>
 *
 * @param listed conversations the search lists (kept and skipped)
 * @param kept conversations a customer wrote in (the oracle's)
 * @param customers distinct customers of the kept conversations that Intercom still has
 * @param goneCustomers distinct customers of the kept conversations deleted since
 * @param companies distinct companies of those customers, as they cost calls
 */
public record FirstSyncFloor(
    int listed, int kept, int customers, int goneCustomers, int companies) {

  static FirstSyncFloor of(SimWorkspace workspace, Oracle oracle) {
    Set<String> keptIds = new HashSet<>(oracle.qualifyingNewestFirst());
    Set<String> customerIds = new LinkedHashSet<>();
    for (Conversation c : workspace.conversations()) {
      if (keptIds.contains(c.id)) {
        // The simulator's conversations have one contact, the one who writes in them.
        customerIds.add(c.contactId);
      }
    }
    int gone = 0;
    Set<String> companyIds = new HashSet<>();
    int companyCalls = 0;
    for (String id : customerIds) {
      Contact contact = workspace.contacts().get(id);
      if (contact == null) {
        gone++;
        continue;
      }
      List<String> existing =
          contact.companyIds.stream().filter(workspace.companies()::containsKey).toList();
      if (contact.companyIds.size() > ContactRender.ADDRESSABLE_LIMIT) {
        companyCalls++;
      } else {
        companyIds.addAll(existing);
      }
    }
    return new FirstSyncFloor(
        oracle.qualifyingNewestFirst().size() + oracle.skippedWithoutReply().size(),
        oracle.qualifyingNewestFirst().size(),
        customerIds.size() - gone,
        gone,
        companyIds.size() + companyCalls);
  }

  /** Search pages and retrieves of the conversations. */
  public long conversationCalls() {
    return pages(listed, Search.MAX_PER_PAGE) + listed;
  }

  /** Contact searches, segments, retrieves of the gone, companies. */
  public long profileCalls() {
    return pages(customers + goneCustomers, Contacts.MAX_PER_PAGE)
        + customers
        + goneCustomers
        + companies;
  }

  public long total() {
    return conversationCalls() + profileCalls();
  }

  private static long pages(long items, int perPage) {
    return (items + perPage - 1) / perPage;
  }

  @Override
  public String toString() {
    return String.format(
        "%d = %d conversation calls (%d listed, %d kept) + %d profile calls (%d customers, %d"
            + " gone, %d company calls)",
        total(),
        conversationCalls(),
        listed,
        kept,
        profileCalls(),
        customers,
        goneCustomers,
        companies);
  }
}
