package com.feedbacksync.adapters.intercom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.application.model.AccessToken;
import com.feedbacksync.application.model.ConversationFetch;
import com.feedbacksync.application.model.IntercomAccess;
import com.feedbacksync.application.model.ItemKind;
import com.feedbacksync.application.model.Page;
import com.feedbacksync.application.model.PageCursor;
import com.feedbacksync.application.model.SetAside;
import com.feedbacksync.application.port.out.IntercomFailure;
import com.feedbacksync.application.port.out.IntercomWorkspace;
import com.feedbacksync.domain.intercom.Contact;
import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.intercom.ConversationListing;
import com.feedbacksync.domain.intercom.Region;
import com.feedbacksync.domain.intercom.WorkspaceId;
import com.feedbacksync.simulator.Faults.Fault;
import com.feedbacksync.simulator.IntercomSimulator;
import com.feedbacksync.simulator.SimulatorConfig;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One item's answer that cannot be had or read becomes a typed failure the engine can set aside
 * (never a bare runtime exception, never a failure of the whole connection), and the items beside
 * it read as before.
 */
class ItemFailuresTest {

  private IntercomSimulator sim;
  private IntercomWorkspace intercom;
  private ConversationId poisoned;
  private ConversationId beside;

  @BeforeEach
  void start() {
    sim = IntercomSimulator.start(SimulatorConfig.defaults(7, 50).withRatePerMinute(0));
    intercom =
        new IntercomRestWorkspaces(
                IntercomSettings.forIntercom(
                        "sim-client", "sim-client-secret", URI.create("http://localhost/cb"))
                    .pointedAt(sim.baseUri())
                    .withRetries(3, Duration.ofMillis(5), Duration.ofMillis(20)),
                new JdkIntercomHttp(),
                Clock.systemUTC())
            .open(
                new IntercomAccess(
                    new WorkspaceId("abc12345"), Region.US, new AccessToken("sim-token")));
    poisoned = new ConversationId(sim.oracle().qualifyingNewestFirst().get(2));
    beside = new ConversationId(sim.oracle().qualifyingNewestFirst().get(3));
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private IntercomFailure failureOf(Fault fault) {
    sim.faultItem(poisoned.value(), fault);
    IntercomFailure failure =
        assertThrows(IntercomFailure.class, () -> intercom.conversation(poisoned));
    assertTrue(failure.itemOnly(), fault + " concerns the item only: " + failure);
    assertInstanceOf(ConversationFetch.Found.class, intercom.conversation(beside));
    return failure;
  }

  @Test
  void an_id_over_the_limit_is_an_unreadable_answer_not_retried() {
    long before = sim.counters().calls("GET /conversations/{id}");
    IntercomFailure failure = failureOf(Fault.OVERLONG_ID);
    assertInstanceOf(IntercomFailure.Unreadable.class, failure);
    assertTrue(failure.getMessage().contains("longer than"), failure.getMessage());
    // Once for the poisoned one (the same answer would come again), once for the one beside.
    assertTrue(sim.counters().calls("GET /conversations/{id}") - before == 2);
  }

  @Test
  void invalid_json_every_time_is_unavailable_after_the_retries() {
    assertInstanceOf(IntercomFailure.Unavailable.class, failureOf(Fault.INVALID_JSON));
  }

  @Test
  void a_5xx_every_time_is_unavailable_after_the_retries() {
    assertInstanceOf(IntercomFailure.Unavailable.class, failureOf(Fault.HTTP_500));
  }

  @Test
  void a_400_is_a_refused_request() {
    assertInstanceOf(IntercomFailure.Rejected.class, failureOf(Fault.HTTP_400));
  }

  @Test
  void a_contact_whose_answer_is_corrupt_is_unreadable() {
    ContactId contact =
        ((ConversationFetch.Found) intercom.conversation(poisoned))
            .conversation()
            .contacts()
            .get(0);
    sim.faultItem(contact.value(), Fault.OVERLONG_ID);
    assertInstanceOf(
        IntercomFailure.Unreadable.class,
        assertThrows(IntercomFailure.class, () -> intercom.contact(contact)));
    sim.clearFaults();
    assertTrue(intercom.contact(contact).isPresent(), "readable again once the fault is gone");
  }

  @Test
  void a_conversation_listed_corrupt_is_reported_apart_and_the_page_read() {
    sim.faultItem(poisoned.value(), Fault.LISTED_CORRUPT);
    List<String> listed = new ArrayList<>();
    List<SetAside> unreadable = new ArrayList<>();
    Optional<PageCursor> cursor = Optional.empty();
    do {
      Page<ConversationListing> page = intercom.conversationsNewestFirst(Optional.empty(), cursor);
      page.items().forEach(l -> listed.add(l.id().value()));
      unreadable.addAll(page.unreadable());
      cursor = page.next();
    } while (cursor.isPresent());

    assertEquals(1, sim.counters().faultsInjected().get("LISTED_CORRUPT"), "spoiled once");
    assertEquals(List.of(poisoned.value()), unreadable.stream().map(SetAside::intercomId).toList());
    assertEquals(ItemKind.CONVERSATION, unreadable.get(0).kind());
    assertTrue(unreadable.get(0).detail().contains("created_at"), unreadable.get(0).detail());
    assertFalse(listed.contains(poisoned.value()));
    assertTrue(listed.contains(beside.value()), "the items beside it are read");
    assertInstanceOf(
        ConversationFetch.Found.class,
        intercom.conversation(poisoned),
        "its own retrieve is sound");
  }

  @Test
  void a_contact_listed_corrupt_is_reported_apart_and_the_page_read() {
    String corrupt = sim.contactIds().get(1);
    sim.faultItem(corrupt, Fault.LISTED_CORRUPT);
    List<String> listed = new ArrayList<>();
    List<SetAside> unreadable = new ArrayList<>();
    Optional<PageCursor> cursor = Optional.empty();
    do {
      Page<Contact> page = intercom.contactsUpdatedSince(Instant.EPOCH.plusSeconds(86_400), cursor);
      page.items().forEach(c -> listed.add(c.id().value()));
      unreadable.addAll(page.unreadable());
      cursor = page.next();
    } while (cursor.isPresent());

    assertEquals(List.of(corrupt), unreadable.stream().map(SetAside::intercomId).toList());
    assertEquals(ItemKind.CONTACT, unreadable.get(0).kind());
    assertFalse(listed.contains(corrupt));
    assertEquals(sim.contactIds().size() - 1, listed.size(), "every other contact is read");
    assertTrue(intercom.contact(new ContactId(corrupt)).isPresent(), "its own retrieve is sound");
  }
}
