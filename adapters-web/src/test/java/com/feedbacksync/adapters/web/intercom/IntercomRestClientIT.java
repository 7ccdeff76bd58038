package com.feedbacksync.adapters.web.intercom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.feedbacksync.adapters.intercom.IntercomOAuth;
import com.feedbacksync.adapters.intercom.IntercomRestWorkspaces;
import com.feedbacksync.adapters.intercom.IntercomSettings;
import com.feedbacksync.adapters.web.support.ItDeployments;
import com.feedbacksync.application.model.AccessToken;
import com.feedbacksync.application.model.ConversationFetch;
import com.feedbacksync.application.model.IntercomAccess;
import com.feedbacksync.application.model.Page;
import com.feedbacksync.application.model.PageCursor;
import com.feedbacksync.application.port.out.IntercomFailure;
import com.feedbacksync.application.port.out.IntercomWorkspace;
import com.feedbacksync.domain.intercom.ConversationListing;
import com.feedbacksync.domain.intercom.Region;
import com.feedbacksync.domain.intercom.WorkspaceId;
import com.feedbacksync.simulator.IntercomSimulator;
import com.feedbacksync.simulator.SimulatorConfig;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Intercom adapter inside Liberty, on the server's MicroProfile REST Client (the transport the
 * unit tests cannot load), against a simulator started in the server's JVM.
 */
@ExtendWith(ArquillianExtension.class)
class IntercomRestClientIT {

  @Deployment
  static WebArchive war() {
    return ItDeployments.warWithSimulator("feedback-sync-rest-client-it.war")
        .addClass(IntercomRestClientIT.class);
  }

  @Test
  void walks_and_fetches_a_workspace_through_the_servers_rest_client() {
    try (IntercomSimulator sim =
        IntercomSimulator.start(SimulatorConfig.defaults(3, 400).withRatePerMinute(0))) {
      IntercomSettings settings =
          IntercomSettings.forIntercom(
                  "sim-client", "sim-client-secret", URI.create("http://localhost/cb"))
              .pointedAt(sim.baseUri());
      IntercomWorkspace intercom =
          IntercomRestWorkspaces.overRestClient(
                  settings, Clock.systemUTC(), (endpoint, status) -> {}, wait -> {})
              .open(
                  new IntercomAccess(
                      new WorkspaceId("abc12345"), Region.US, new AccessToken("sim-token")));
      List<String> listed = new ArrayList<>();
      Optional<PageCursor> cursor = Optional.empty();
      do {
        Page<ConversationListing> page =
            intercom.conversationsNewestFirst(Optional.empty(), cursor);
        page.items().forEach(l -> listed.add(l.id().value()));
        cursor = page.next();
      } while (cursor.isPresent());
      // Every conversation is listed (its parts decide, not its statistics), newest first.
      List<String> qualifying = sim.oracle().qualifyingNewestFirst();
      Set<String> every = new TreeSet<>(qualifying);
      every.addAll(sim.oracle().skippedWithoutReply());
      assertEquals(every, new TreeSet<>(listed));
      assertEquals(every.size(), listed.size(), "each once");
      assertEquals(
          qualifying, listed.stream().filter(new HashSet<>(qualifying)::contains).toList());
      assertInstanceOf(
          ConversationFetch.Found.class,
          intercom.conversation(
              new com.feedbacksync.domain.intercom.ConversationId(listed.get(0))));

      // Customers by id in one search (id IN [...]), and one of their companies by id.
      List<String> customers = sim.contactIds().stream().limit(20).toList();
      List<com.feedbacksync.domain.intercom.Contact> found =
          intercom.contacts(
              customers.stream().map(com.feedbacksync.domain.intercom.ContactId::new).toList());
      assertEquals(
          new TreeSet<>(customers),
          found.stream()
              .map(c -> c.id().value())
              .collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
      com.feedbacksync.domain.intercom.Contact withCompany =
          found.stream().filter(c -> !c.companyIds().isEmpty()).findFirst().orElseThrow();
      assertEquals(
          withCompany.companyIds().get(0),
          intercom.company(withCompany.companyIds().get(0)).orElseThrow().id());

      IntercomOAuth oauth = IntercomOAuth.overRestClient(settings, Clock.systemUTC());
      assertEquals("abc12345", oauth.identify(new AccessToken("sim-token")).id().value());
      sim.revokeAll();
      assertThrows(
          IntercomFailure.AuthorizationRevoked.class,
          () -> intercom.deletedConversations(Optional.empty()));
    }
  }
}
