package com.feedbacksync.adapters.intercom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.application.model.AccessToken;
import com.feedbacksync.application.model.IntercomAccess;
import com.feedbacksync.application.model.TimeWindow;
import com.feedbacksync.application.port.out.IntercomWorkspace;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.intercom.Region;
import com.feedbacksync.domain.intercom.WorkspaceId;
import com.feedbacksync.domain.sync.HistoryPosition;
import com.feedbacksync.simulator.IntercomSchemas;
import com.feedbacksync.simulator.IntercomSimulator;
import com.feedbacksync.simulator.SimulatorConfig;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the adapter sends is what Intercom's 2.16 description asks for: every search body it builds
 * validates against {@code search_request} / {@code contact_search_request}.
 */
class RequestsMatchTheSpecTest {

  /** Records the bodies the adapter posts, then passes the call on. */
  private static final class Recording extends JdkIntercomHttp {
    final List<String> conversationSearches = new ArrayList<>();
    final List<String> contactSearches = new ArrayList<>();

    @Override
    public Reply searchConversations(URI api, String token, String body) throws IOException {
      conversationSearches.add(body);
      return super.searchConversations(api, token, body);
    }

    @Override
    public Reply searchContacts(URI api, String token, String body) throws IOException {
      contactSearches.add(body);
      return super.searchContacts(api, token, body);
    }
  }

  @Test
  void every_search_body_validates_against_the_2_16_schema() {
    try (IntercomSimulator sim =
        IntercomSimulator.start(SimulatorConfig.defaults(4, 400).withRatePerMinute(0))) {
      Recording http = new Recording();
      IntercomSettings settings =
          IntercomSettings.forIntercom(
                  "sim-client", "sim-client-secret", URI.create("http://localhost/cb"))
              .pointedAt(sim.baseUri());
      IntercomWorkspace intercom =
          new IntercomRestWorkspaces(settings, http, Clock.systemUTC())
              .open(
                  new IntercomAccess(
                      new WorkspaceId("abc12345"), Region.US, new AccessToken("sim-token")));
      var first = intercom.conversationsNewestFirst(Optional.empty(), Optional.empty());
      intercom.conversationsNewestFirst(
          Optional.of(new HistoryPosition(Instant.now(), new ConversationId("1"))), first.next());
      intercom.conversationsUpdated(new TimeWindow(Instant.EPOCH, Instant.now()), Optional.empty());
      intercom.contactsUpdatedSince(Instant.EPOCH.plusSeconds(86_400 * 3), Optional.empty());
      List<com.feedbacksync.domain.intercom.Contact> byId =
          intercom.contacts(
              sim.contactIds().stream()
                  .limit(151)
                  .map(com.feedbacksync.domain.intercom.ContactId::new)
                  .toList());
      assertEquals(151, byId.size(), "151 ids: two searches, every contact found");
      new IntercomOAuth(settings, http, Clock.systemUTC())
          .probe(
              new AccessToken("sim-token"),
              new com.feedbacksync.domain.intercom.Workspace(
                  new WorkspaceId("abc12345"), "Acme", Region.US));

      IntercomSchemas schemas = IntercomSchemas.load();
      JsonMapper json = JsonMapper.builder().build();
      assertEquals(4, http.conversationSearches.size());
      for (String body : http.conversationSearches) {
        assertEquals(List.of(), schemas.violations("search_request", json.readTree(body)), body);
      }
      assertEquals(3, http.contactSearches.size(), "one by date, two by id (150 + 1)");
      for (String body : http.contactSearches) {
        assertEquals(
            List.of(), schemas.violations("contact_search_request", json.readTree(body)), body);
      }
      assertTrue(http.contactSearches.get(1).contains("\"operator\":\"IN\""));
      assertTrue(
          http.conversationSearches.get(1).contains("starting_after"),
          "the second page carries the cursor");
    }
  }
}
