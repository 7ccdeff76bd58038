package com.feedbacksync.adapters.intercom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.application.model.AccessToken;
import com.feedbacksync.application.model.IntercomAccess;
import com.feedbacksync.application.model.Page;
import com.feedbacksync.application.model.PageCursor;
import com.feedbacksync.application.port.out.IntercomWorkspace;
import com.feedbacksync.domain.intercom.Company;
import com.feedbacksync.domain.intercom.CompanyId;
import com.feedbacksync.domain.intercom.Contact;
import com.feedbacksync.domain.intercom.Region;
import com.feedbacksync.domain.intercom.WorkspaceId;
import com.feedbacksync.simulator.IntercomSimulator;
import com.feedbacksync.simulator.SimulatorConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The companies listing and a company's contacts against the simulator: every company with contacts
 * comes, page by page, while another client holds the workspace's one companies scroll; a company's
 * contacts are exactly those that name it. The expected sets come from the simulator's contacts.
 */
class CompaniesAgainstSimulatorTest {

  @Test
  void lists_every_company_with_contacts_while_another_client_holds_the_scroll() throws Exception {
    // 2,000 conversations: 100 companies, 1,000 contacts; the listing pages by 50.
    try (IntercomSimulator sim =
        IntercomSimulator.start(SimulatorConfig.defaults(5, 2000).withRatePerMinute(0))) {
      IntercomWorkspace intercom =
          new IntercomRestWorkspaces(
                  IntercomSettings.forIntercom(
                          "sim-client", "sim-client-secret", URI.create("http://localhost/cb"))
                      .pointedAt(sim.baseUri()),
                  new JdkIntercomHttp(),
                  Clock.systemUTC())
              .open(
                  new IntercomAccess(
                      new WorkspaceId("abc12345"), Region.US, new AccessToken("sim-token")));
      HttpResponse<String> scroll =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(sim.baseUri().resolve("/companies/scroll"))
                      .header("Authorization", "Bearer sim-token")
                      .header("Accept", "application/json")
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, scroll.statusCode(), "another client opened the scroll");

      List<Contact> contacts =
          all(cursor -> intercom.contactsUpdatedSince(Instant.EPOCH.plusSeconds(172_800), cursor));
      Set<CompanyId> named =
          contacts.stream().flatMap(c -> c.companyIds().stream()).collect(Collectors.toSet());
      List<Company> listed = all(intercom::companies);

      assertTrue(named.size() > CompanyCalls.COMPANIES_PER_PAGE, "more than one page");
      assertEquals(named, listed.stream().map(Company::id).collect(Collectors.toSet()));
      assertEquals(named.size(), listed.size(), "each company once");
      for (CompanyId company : List.copyOf(named).subList(0, 5)) {
        assertEquals(
            contacts.stream()
                .filter(c -> c.companyIds().contains(company))
                .map(Contact::id)
                .collect(Collectors.toSet()),
            all(cursor -> intercom.contactsOf(company, cursor)).stream()
                .map(Contact::id)
                .collect(Collectors.toSet()),
            company.value());
      }
      assertEquals(
          List.of(),
          all(cursor -> intercom.contactsOf(new CompanyId("no-such-company"), cursor)),
          "a company Intercom no longer has has no contacts");
    }
  }

  private static <T> List<T> all(Function<Optional<PageCursor>, Page<T>> pages) {
    List<T> items = new ArrayList<>();
    Optional<PageCursor> cursor = Optional.empty();
    do {
      Page<T> page = pages.apply(cursor);
      items.addAll(page.items());
      cursor = page.next();
    } while (cursor.isPresent());
    return items;
  }
}
