package com.feedbacksync.application.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.feedbacksync.application.fakes.FakeIntercom;
import com.feedbacksync.application.fakes.InMemoryAccounts;
import com.feedbacksync.application.fakes.InMemoryConnections;
import com.feedbacksync.application.fakes.InMemorySyncStore;
import com.feedbacksync.application.model.LeaseToken;
import com.feedbacksync.application.model.SyncKind;
import com.feedbacksync.application.model.SyncOutcome;
import com.feedbacksync.domain.account.Account;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.account.Plan;
import com.feedbacksync.domain.intercom.AttributeValue;
import com.feedbacksync.domain.intercom.Company;
import com.feedbacksync.domain.intercom.CompanyId;
import com.feedbacksync.domain.intercom.Contact;
import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.ContactRole;
import com.feedbacksync.domain.intercom.Region;
import com.feedbacksync.domain.intercom.Segment;
import com.feedbacksync.domain.intercom.Workspace;
import com.feedbacksync.domain.intercom.WorkspaceId;
import com.feedbacksync.domain.profile.CompanyRef;
import com.feedbacksync.domain.profile.CustomerProfile;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The daily sync's companies through the engine: a change to a company alone reaches the profiles
 * of its contacts in the next daily run, each contact fetched once however many updated companies
 * it is in; a segment change of an updated customer reaches its profile. The expected names,
 * segments and counts are those the workspace is built with here.
 */
class DailyCompaniesTest {

  private static final Instant CONNECTED = Instant.parse("2026-11-01T00:00:00Z");
  private static final AccountId ACME = new AccountId("acme");
  private static final LeaseToken LEASE = new LeaseToken(ACME, "sync", "test", 1);
  private static final Instant LONG_AGO = CONNECTED.minusSeconds(86_400L * 90);

  private Instant now = CONNECTED.plusSeconds(3600);
  private final InMemoryAccounts accounts = new InMemoryAccounts();
  private final InMemoryConnections connections = new InMemoryConnections();
  private final InMemorySyncStore store = new InMemorySyncStore(connections);
  // Pages of two: the companies and each company's contacts cross page boundaries.
  private final FakeIntercom intercom = new FakeIntercom(2);
  private SyncService sync;

  @BeforeEach
  void setUp() {
    accounts.with(new Account(ACME, "Acme Research", Plan.PAID));
    connections.save(
        EngineUnderTest.connected(
            ACME, new Workspace(new WorkspaceId("abc12345"), "Acme", Region.US), CONNECTED));
    sync = EngineUnderTest.over(accounts, connections, intercom, store, () -> now).build();
    for (int i = 1; i <= 5; i++) {
      intercom.put(company("co-" + i, "Company " + i, LONG_AGO, "basic"));
    }
    // co-1 has three contacts (two pages); c-2 is in co-1 and co-2; c-5 is in co-5 only.
    intercom.put(contact("c-1", "Ada", LONG_AGO, "co-1"));
    intercom.put(contact("c-2", "Bea", LONG_AGO, "co-1", "co-2"));
    intercom.put(contact("c-3", "Cy", LONG_AGO, "co-1"));
    intercom.put(contact("c-4", "Dee", LONG_AGO));
    intercom.put(contact("c-5", "Eve", LONG_AGO, "co-5"));
    assertInstanceOf(SyncOutcome.Completed.class, sync.run(ACME, SyncKind.FIRST, LEASE));
    SyncOutcome first = sync.run(ACME, SyncKind.CUSTOMERS, LEASE);
    assertEquals(5, first.counts().profiles(), "the first daily run takes every contact");
    assertEquals(
        0, intercom.calls("companies"), "the first daily run took every contact: no listing");
  }

  private static Company company(String id, String name, Instant updated, String plan) {
    return new Company(
        new CompanyId(id), name, updated, Map.of("plan", AttributeValue.text(plan)), Map.of());
  }

  private static Contact contact(String id, String name, Instant updated, String... companies) {
    return new Contact(
        new ContactId(id),
        ContactRole.USER,
        Optional.of(name),
        Optional.empty(),
        updated,
        Map.of(),
        Map.of(),
        java.util.Arrays.stream(companies).map(CompanyId::new).toList());
  }

  private CustomerProfile profile(String contact) {
    return store.data(ACME).profiles.get(new ContactId(contact));
  }

  private Map<String, String> companyNames(String contact) {
    return profile(contact).companies().stream()
        .collect(Collectors.toMap(c -> c.id().value(), CompanyRef::name));
  }

  @Test
  void a_change_to_a_company_alone_reaches_its_contacts_profiles_in_the_next_daily_run() {
    now = now.plusSeconds(86_400);
    intercom.put(company("co-1", "Acme Renamed", now.minusSeconds(60), "pro"));
    intercom.put(company("co-2", "Globex Renamed", now.minusSeconds(30), "basic"));
    long segmentsBefore = intercom.calls("segments");

    SyncOutcome run = sync.run(ACME, SyncKind.CUSTOMERS, LEASE);

    assertInstanceOf(SyncOutcome.Completed.class, run);
    assertEquals(Map.of("co-1", "Acme Renamed"), companyNames("c-1"));
    assertEquals(Map.of("co-1", "Acme Renamed", "co-2", "Globex Renamed"), companyNames("c-2"));
    assertEquals(Map.of("co-1", "Acme Renamed"), companyNames("c-3"));
    assertEquals(
        AttributeValue.text("pro"), profile("c-3").companies().get(0).properties().get("plan"));
    assertEquals(Map.of("co-5", "Company 5"), companyNames("c-5"), "its company did not change");
    assertEquals(3, run.counts().profiles(), "c-1, c-2 and c-3: c-2 once for its two companies");
    assertEquals(3, intercom.calls("segments") - segmentsBefore, "one segments call per contact");

    now = now.plusSeconds(86_400);
    assertEquals(
        0, sync.run(ACME, SyncKind.CUSTOMERS, LEASE).counts().profiles(), "nothing changed since");
  }

  @Test
  void a_company_updated_later_in_the_second_the_last_run_started_is_not_missed() {
    // The last daily run started at ...:00.000 + 1h; this run's clock shows milliseconds.
    now = now.plusSeconds(86_400).plusMillis(500);
    sync.run(ACME, SyncKind.CUSTOMERS, LEASE);
    // Changed after that run started, in the same second: Intercom shows the whole second.
    intercom.put(company("co-5", "Initech", now.truncatedTo(ChronoUnit.SECONDS), "basic"));
    intercom.put(contact("c-4", "Dee Later", now.truncatedTo(ChronoUnit.SECONDS)));
    now = now.plusSeconds(86_400);

    sync.run(ACME, SyncKind.CUSTOMERS, LEASE);

    assertEquals(Map.of("co-5", "Initech"), companyNames("c-5"));
    assertEquals(Optional.of("Dee Later"), profile("c-4").name());
  }

  @Test
  void a_segment_change_of_an_updated_customer_reaches_its_profile() {
    assertEquals(List.of("Active"), profile("c-5").segments());
    now = now.plusSeconds(86_400);
    intercom.put(contact("c-5", "Eve Moved", now.minusSeconds(60), "co-5"));
    intercom.segments(
        new ContactId("c-5"), List.of(new Segment("s7", "VIP"), new Segment("s8", "Churn risk")));

    SyncOutcome run = sync.run(ACME, SyncKind.CUSTOMERS, LEASE);

    assertEquals(Set.of("VIP", "Churn risk"), Set.copyOf(profile("c-5").segments()));
    assertEquals(Optional.of("Eve Moved"), profile("c-5").name());
    assertEquals(1, run.counts().profiles());
  }

  @Test
  void a_contact_updated_in_an_updated_company_is_fetched_once() {
    now = now.plusSeconds(86_400);
    intercom.put(company("co-5", "Initech", now.minusSeconds(60), "basic"));
    intercom.put(contact("c-5", "Eve", now.minusSeconds(30), "co-5"));
    long segmentsBefore = intercom.calls("segments");

    SyncOutcome run = sync.run(ACME, SyncKind.CUSTOMERS, LEASE);

    assertEquals(Map.of("co-5", "Initech"), companyNames("c-5"));
    assertEquals(1, run.counts().profiles());
    assertEquals(1, intercom.calls("segments") - segmentsBefore);
    assertEquals(Set.of(), Set.copyOf(store.data(ACME).skipped.keySet()));
  }
}
