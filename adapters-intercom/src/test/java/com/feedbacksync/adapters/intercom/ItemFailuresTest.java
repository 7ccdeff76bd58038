package com.feedbacksync.adapters.intercom;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.application.model.AccessToken;
import com.feedbacksync.application.model.ConversationFetch;
import com.feedbacksync.application.model.IntercomAccess;
import com.feedbacksync.application.port.out.IntercomFailure;
import com.feedbacksync.application.port.out.IntercomWorkspace;
import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.intercom.Region;
import com.feedbacksync.domain.intercom.WorkspaceId;
import com.feedbacksync.simulator.Faults.Fault;
import com.feedbacksync.simulator.IntercomSimulator;
import com.feedbacksync.simulator.SimulatorConfig;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
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
}
