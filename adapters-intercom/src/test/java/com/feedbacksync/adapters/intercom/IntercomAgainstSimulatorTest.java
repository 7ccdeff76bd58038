package com.feedbacksync.adapters.intercom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.application.model.AccessToken;
import com.feedbacksync.application.model.ConversationFetch;
import com.feedbacksync.application.model.IntercomAccess;
import com.feedbacksync.application.model.Page;
import com.feedbacksync.application.model.PageCursor;
import com.feedbacksync.application.model.TimeWindow;
import com.feedbacksync.application.port.out.IntercomFailure;
import com.feedbacksync.application.port.out.IntercomWorkspace;
import com.feedbacksync.domain.intercom.Contact;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.intercom.ConversationListing;
import com.feedbacksync.domain.intercom.Region;
import com.feedbacksync.domain.intercom.Workspace;
import com.feedbacksync.domain.intercom.WorkspaceId;
import com.feedbacksync.domain.sync.AccessProbe;
import com.feedbacksync.domain.sync.HistoryPosition;
import com.feedbacksync.simulator.Faults.Fault;
import com.feedbacksync.simulator.IntercomSimulator;
import com.feedbacksync.simulator.SimulatorConfig;
import com.feedbacksync.simulator.WorkspaceSpec;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The adapter against the simulator, over real HTTP on loopback: no mocked HTTP anywhere. */
class IntercomAgainstSimulatorTest {

  private IntercomSimulator sim;

  private IntercomSettings settings() {
    return IntercomSettings.forIntercom(
            "sim-client", "sim-client-secret", URI.create("http://localhost:9080/callback"))
        .pointedAt(sim.baseUri())
        .withRetries(4, Duration.ofMillis(10), Duration.ofMillis(50));
  }

  private IntercomWorkspace workspace(IntercomSettings settings) {
    return new IntercomRestWorkspaces(settings, new JdkIntercomHttp(), Clock.systemUTC())
        .open(
            new IntercomAccess(
                new WorkspaceId("abc12345"), Region.US, new AccessToken("sim-token")));
  }

  private IntercomWorkspace start(SimulatorConfig config) {
    sim = IntercomSimulator.start(config);
    return workspace(settings());
  }

  @AfterEach
  void stop() {
    if (sim != null) {
      sim.close();
    }
  }

  @Test
  void lists_every_conversation_newest_first_answered_or_not() {
    IntercomWorkspace intercom = start(SimulatorConfig.defaults(5, 2000).withRatePerMinute(0));
    List<ConversationListing> listed = new ArrayList<>();
    Optional<PageCursor> cursor = Optional.empty();
    do {
      Page<ConversationListing> page = intercom.conversationsNewestFirst(Optional.empty(), cursor);
      listed.addAll(page.items());
      cursor = page.next();
    } while (cursor.isPresent());
    List<String> ids = listed.stream().map(l -> l.id().value()).toList();
    Set<String> everything = new HashSet<>(sim.oracle().qualifyingNewestFirst());
    everything.addAll(sim.oracle().skippedWithoutReply());
    assertEquals(everything, new HashSet<>(ids), "every conversation once, whatever its stats");
    assertEquals(ids.size(), everything.size(), "none twice");
    for (int i = 1; i < listed.size(); i++) {
      assertTrue(
          !listed.get(i).createdAt().isAfter(listed.get(i - 1).createdAt()),
          "newest first at " + i);
    }
    assertEquals(
        sim.oracle().qualifyingNewestFirst(),
        ids.stream().filter(new HashSet<>(sim.oracle().qualifyingNewestFirst())::contains).toList(),
        "the qualifying ones in the oracle's order");
  }

  @Test
  void lists_what_was_updated_in_a_window_answered_or_not() {
    IntercomWorkspace intercom = start(SimulatorConfig.defaults(5, 500).withRatePerMinute(0));
    Instant before = Instant.now().minusSeconds(1);
    String replied = sim.oracle().qualifyingNewestFirst().get(10);
    sim.customerReplies(replied);
    String silent = sim.newConversation("outbound-silent");
    String fresh = sim.newConversation("customer");
    Page<ConversationListing> page =
        intercom.conversationsUpdated(
            new TimeWindow(before, Instant.now().plusSeconds(5)), Optional.empty());
    List<String> ids = page.items().stream().map(l -> l.id().value()).toList();
    assertEquals(Set.of(replied, fresh, silent), Set.copyOf(ids), ids.toString());
    assertTrue(page.isLast());
  }

  @Test
  void an_older_than_walk_lists_exactly_what_is_older_than_its_position() {
    IntercomWorkspace intercom = start(SimulatorConfig.defaults(5, 300).withRatePerMinute(0));
    List<ConversationListing> all =
        intercom.conversationsNewestFirst(Optional.empty(), Optional.empty()).items();
    ConversationListing tenth = all.get(9);
    HistoryPosition bound = new HistoryPosition(tenth.createdAt(), tenth.id());
    List<ConversationListing> older =
        intercom.conversationsNewestFirst(Optional.of(bound), Optional.empty()).items();
    assertTrue(
        older.stream()
            .allMatch(l -> new HistoryPosition(l.createdAt(), l.id()).isOlderThan(bound)));
    List<ConversationListing> expected = all.subList(10, all.size());
    assertEquals(expected, older.subList(0, expected.size()));
  }

  @Test
  void a_deleted_conversation_is_reported_as_deleted_not_as_an_error() {
    IntercomWorkspace intercom = start(SimulatorConfig.defaults(5, 50).withRatePerMinute(0));
    String id = sim.oracle().qualifyingNewestFirst().get(0);
    assertInstanceOf(ConversationFetch.Found.class, intercom.conversation(new ConversationId(id)));
    sim.deleteConversation(id);
    assertEquals(
        new ConversationFetch.Deleted(new ConversationId(id)),
        intercom.conversation(new ConversationId(id)));
    assertEquals(
        List.of(id),
        intercom.deletedConversations(Optional.empty()).items().stream()
            .map(d -> d.id().value())
            .toList());
  }

  @Test
  void retries_server_errors_resets_truncated_and_broken_answers_then_succeeds() {
    IntercomWorkspace intercom = start(SimulatorConfig.defaults(5, 50).withRatePerMinute(0));
    String id = sim.oracle().qualifyingNewestFirst().get(0);
    sim.faultScript(
        "GET /conversations/{id}",
        List.of(
            com.feedbacksync.simulator.Faults.Fault.HTTP_503,
            com.feedbacksync.simulator.Faults.Fault.RESET,
            com.feedbacksync.simulator.Faults.Fault.TRUNCATED));
    assertInstanceOf(ConversationFetch.Found.class, intercom.conversation(new ConversationId(id)));
    sim.faultScript(
        "GET /conversations/{id}", List.of(com.feedbacksync.simulator.Faults.Fault.INVALID_JSON));
    assertInstanceOf(ConversationFetch.Found.class, intercom.conversation(new ConversationId(id)));
  }

  @Test
  void waits_out_a_429_until_the_window_resets_and_then_gets_its_answer() {
    IntercomWorkspace intercom = start(SimulatorConfig.defaults(5, 50).withRatePerMinute(0));
    String id = sim.oracle().qualifyingNewestFirst().get(0);
    sim.faultScript(
        "GET /conversations/{id}", List.of(com.feedbacksync.simulator.Faults.Fault.HTTP_429));
    assertInstanceOf(ConversationFetch.Found.class, intercom.conversation(new ConversationId(id)));
    assertEquals(1, intercom.callCounts().rateLimitWaits());
    assertEquals(2, sim.counters().calls("GET /conversations/{id}"));
  }

  @Test
  void gives_up_with_a_clear_failure_when_intercom_keeps_failing() {
    IntercomWorkspace intercom = start(SimulatorConfig.defaults(5, 50).withRatePerMinute(0));
    sim.faultProbability("*", 1.0, List.of(com.feedbacksync.simulator.Faults.Fault.HTTP_500), 0);
    IntercomFailure failure =
        assertThrows(
            IntercomFailure.Unavailable.class,
            () -> intercom.conversationsNewestFirst(Optional.empty(), Optional.empty()));
    assertTrue(failure.getMessage().contains("answered 500"), failure.getMessage());
    assertEquals(
        4, sim.counters().calls("POST /conversations/search"), "maxAttempts calls, then no more");
  }

  @Test
  void a_revoked_token_is_not_retried() {
    IntercomWorkspace intercom = start(SimulatorConfig.defaults(5, 50).withRatePerMinute(0));
    sim.revokeAll();
    assertThrows(
        IntercomFailure.AuthorizationRevoked.class,
        () -> intercom.deletedConversations(Optional.empty()));
    assertEquals(1, sim.counters().calls("GET /conversations/deleted"));
  }

  @Test
  void connects_through_oauth_and_refuses_a_workspace_without_api_access() throws Exception {
    sim =
        IntercomSimulator.start(
            SimulatorConfig.defaults(5, 20).withRatePerMinute(0).withRegion("EU"));
    IntercomOAuth oauth = new IntercomOAuth(settings(), new JdkIntercomHttp(), Clock.systemUTC());
    URI authorize = URI.create(oauth.authorizeUrl("state-1"));
    Map<String, String> query =
        com.feedbacksync.adapters.intercom.QueryStrings.parse(authorize.getRawQuery());
    assertEquals("sim-client", query.get("client_id"));
    assertEquals("state-1", query.get("state"));
    assertEquals("http://localhost:9080/callback", query.get("redirect_uri"));

    // The admin clicks Allow on the consent page; Intercom redirects with a code (which may end in
    // '=').
    HttpResponse<String> allowed =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(sim.baseUri().resolve("/oauth/allow"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "client_id=sim-client&state=state-1&redirect_uri="
                                + URLEncoder.encode(
                                    "http://localhost:9080/callback", StandardCharsets.UTF_8)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    String code =
        QueryStrings.parse(
                URI.create(allowed.headers().firstValue("Location").orElseThrow()).getRawQuery())
            .get("code");
    assertTrue(code.endsWith("="), code);

    AccessToken token = oauth.exchange(code);
    Workspace workspace = oauth.identify(token);
    assertEquals("abc12345", workspace.id().value());
    assertEquals(Region.EU, workspace.region());
    assertEquals(new AccessProbe.Granted(workspace), oauth.probe(token, workspace));
    assertThrows(IntercomFailure.class, () -> oauth.exchange(code), "a code works once");

    sim.planRestricted(true);
    assertInstanceOf(AccessProbe.PlanRestricted.class, oauth.probe(token, workspace));
    sim.revokeAll();
    assertInstanceOf(AccessProbe.Unauthorized.class, oauth.probe(token, workspace));
  }

  @Test
  void calls_the_api_host_of_the_workspaces_region() {
    sim = IntercomSimulator.start(SimulatorConfig.defaults(5, 20).withRatePerMinute(0));
    IntercomSettings base = settings();
    URI nowhere = URI.create("http://127.0.0.1:9/");
    IntercomSettings onlyEu =
        base.withApiHosts(
                Map.of(Region.US, nowhere, Region.EU, sim.baseUri(), Region.AU, nowhere),
                Duration.ofMillis(500))
            .withRetries(1, base.firstBackoff(), base.maxBackoff());
    IntercomRestWorkspaces workspaces =
        new IntercomRestWorkspaces(onlyEu, new JdkIntercomHttp(), Clock.systemUTC());
    AccessToken token = new AccessToken("sim-token");
    assertFalse(
        workspaces
            .open(new IntercomAccess(new WorkspaceId("abc12345"), Region.EU, token))
            .conversationsNewestFirst(Optional.empty(), Optional.empty())
            .items()
            .isEmpty());
    assertThrows(
        IntercomFailure.Unavailable.class,
        () ->
            workspaces
                .open(new IntercomAccess(new WorkspaceId("abc12345"), Region.US, token))
                .conversationsNewestFirst(Optional.empty(), Optional.empty()));
  }

  @Test
  void reads_contacts_their_segments_companies_and_the_tags() {
    IntercomWorkspace intercom = start(SimulatorConfig.defaults(5, 200).withRatePerMinute(0));
    List<Contact> contacts = new ArrayList<>();
    Optional<PageCursor> cursor = Optional.empty();
    do {
      Page<Contact> page =
          intercom.contactsUpdatedSince(Instant.EPOCH.plusSeconds(86_400 * 2), cursor);
      contacts.addAll(page.items());
      cursor = page.next();
    } while (cursor.isPresent());
    assertEquals(sim.contactCount(), contacts.size());
    Contact withCompany =
        contacts.stream().filter(c -> !c.companyIds().isEmpty()).findFirst().orElseThrow();
    assertEquals(withCompany.companyIds().size(), intercom.companiesOf(withCompany.id()).size());
    assertTrue(contacts.stream().anyMatch(c -> !intercom.segmentsOf(c.id()).isEmpty()));
    assertEquals(
        Optional.of(withCompany.id()), intercom.contact(withCompany.id()).map(Contact::id));
    sim.deleteContact(withCompany.id().value());
    assertEquals(Optional.empty(), intercom.contact(withCompany.id()));
  }

  @Test
  void lists_exactly_the_contacts_updated_since_a_time_not_its_whole_day() {
    IntercomWorkspace intercom = start(SimulatorConfig.defaults(5, 200).withRatePerMinute(0));
    List<Contact> all = contactsUpdatedSince(intercom, Instant.EPOCH.plusSeconds(86_400 * 2));
    List<Instant> times = all.stream().map(Contact::updatedAt).sorted().toList();
    // One second after a contact's update: Intercom's whole-day match would bring that one too.
    Instant since = times.get(times.size() / 2).plusSeconds(1);
    List<Contact> expected = all.stream().filter(c -> !c.updatedAt().isBefore(since)).toList();
    assertTrue(
        all.stream()
            .anyMatch(
                c ->
                    c.updatedAt().isBefore(since)
                        && c.updatedAt().isAfter(since.minus(Duration.ofDays(1)))),
        "the workspace has contacts updated earlier on the same day, which Intercom would match");
    assertEquals(
        expected.stream().map(Contact::id).collect(Collectors.toSet()),
        contactsUpdatedSince(intercom, since).stream()
            .map(Contact::id)
            .collect(Collectors.toSet()));
  }

  private static List<Contact> contactsUpdatedSince(IntercomWorkspace intercom, Instant since) {
    List<Contact> contacts = new ArrayList<>();
    Optional<PageCursor> cursor = Optional.empty();
    do {
      Page<Contact> page = intercom.contactsUpdatedSince(since, cursor);
      contacts.addAll(page.items());
      cursor = page.next();
    } while (cursor.isPresent());
    return contacts;
  }

  @Test
  void downloads_files_only_from_allowed_hosts_and_within_limits() {
    IntercomWorkspace intercom = start(withImages());
    String image = firstImage(intercom);
    assertEquals("image/png", intercom.download(image, Long.MAX_VALUE).contentType());
    assertSpooledWhole(intercom, sim.oracle().qualifyingNewestFirst().get(0), 3 << 20);
    assertThrows(
        IntercomFailure.Rejected.class,
        () -> intercom.download("https://evil.example/x.png", Long.MAX_VALUE));
    assertThrows(
        IntercomFailure.Rejected.class,
        () -> intercom.download("file:///etc/passwd", Long.MAX_VALUE));
    String url = image;
    assertThrows(
        IntercomFailure.TooLarge.class,
        () ->
            workspace(settings().withLimits(10, IntercomSettings.DEFAULT_FILE_TYPES))
                .download(url, Long.MAX_VALUE));
    assertThrows(
        IntercomFailure.TooLarge.class, () -> intercom.download(url, 10), "the caller's limit");
    assertThrows(
        IntercomFailure.Rejected.class,
        () ->
            workspace(settings().withLimits(1 << 20, List.of("text/")))
                .download(url, Long.MAX_VALUE));
  }

  @Test
  void a_file_host_failing_for_a_while_is_waited_out_and_one_failing_on_costs_one_round() {
    IntercomWorkspace intercom = start(withImages());
    String image = firstImage(intercom);
    List<Duration> waits = new ArrayList<>();
    // Four attempts, backoffs of 10 ms doubling (each drawn from the upper half), at most 2 s.
    FileDownloads files =
        new FileDownloads(
            settings().withRetries(4, Duration.ofMillis(10), Duration.ofSeconds(2)),
            new JdkIntercomHttp(),
            waits::add);

    // The simulator's 503 and 429 ask for a second (Retry-After: 1); a 500 says nothing. (No
    // RESET here: the JDK's client of this test retries a reset GET by itself.)
    sim.faultScript(FILE_HOST, List.of(Fault.HTTP_503, Fault.HTTP_500, Fault.HTTP_429));
    assertEquals("image/png", files.download(image, Long.MAX_VALUE).contentType());
    for (Fault met : List.of(Fault.HTTP_503, Fault.HTTP_500, Fault.HTTP_429)) {
      assertEquals(
          1L, sim.counters().faultsInjected().getOrDefault(met.name(), 0L), met + " was met");
    }
    assertEquals(3, waits.size(), waits.toString());
    assertEquals(Duration.ofSeconds(1), waits.get(0), "the 503's Retry-After");
    assertBetween(10, 20, waits.get(1), "the second backoff");
    assertEquals(Duration.ofSeconds(1), waits.get(2), "the 429's Retry-After");

    waits.clear();
    sim.faultScript(FILE_HOST, java.util.Collections.nCopies(4, Fault.HTTP_502));
    IntercomFailure.Unavailable gaveUp =
        assertThrows(
            IntercomFailure.Unavailable.class, () -> files.download(image, Long.MAX_VALUE));
    assertTrue(gaveUp.getMessage().contains("502"), gaveUp.getMessage());
    assertEquals(4L, sim.counters().faultsInjected().get(Fault.HTTP_502.name()), "four attempts");
    assertEquals(3, waits.size(), "a wait between attempts, none after the last: " + waits);
    assertBetween(5, 10, waits.get(0), "the first backoff");
    assertBetween(20, 40, waits.get(2), "the third backoff");

    // Given up once, the host gets one attempt a file until it answers; then retries again.
    waits.clear();
    sim.faultScript(FILE_HOST, List.of(Fault.HTTP_500, Fault.NONE));
    assertThrows(IntercomFailure.Unavailable.class, () -> files.download(image, Long.MAX_VALUE));
    assertEquals(List.of(), waits, "one attempt, no wait");
    assertEquals("image/png", files.download(image, Long.MAX_VALUE).contentType());
    sim.faultScript(FILE_HOST, List.of(Fault.HTTP_500));
    assertEquals("image/png", files.download(image, Long.MAX_VALUE).contentType());
    assertEquals(3L, sim.counters().faultsInjected().get(Fault.HTTP_500.name()), "retried");

    // An expired or altered link (404) is final: a second attempt would meet the 502.
    sim.faultScript(FILE_HOST, List.of(Fault.NONE, Fault.HTTP_502));
    assertThrows(
        IntercomFailure.Rejected.class,
        () -> files.download(image.replace("signature=", "signature=0"), Long.MAX_VALUE));
    assertEquals(4L, sim.counters().faultsInjected().get(Fault.HTTP_502.name()), "one attempt");

    // A dropped connection is waited out and tried again; a host name that does not resolve is
    // final, without a wait. Both as the server's client reports them (RestClientHttp wraps the
    // client's ProcessingException in an IOException).
    sim.clearFaults();
    waits.clear();
    JdkIntercomHttp resetOnce =
        new JdkIntercomHttp() {
          private boolean reset;

          @Override
          public Reply download(URI file, long maxBytes, java.io.OutputStream into)
              throws java.io.IOException {
            if (!reset) {
              reset = true;
              throw new java.io.IOException(
                  "RESTEASY004655: Unable to invoke request",
                  new RuntimeException(new java.net.SocketException("Connection reset")));
            }
            return super.download(file, maxBytes, into);
          }
        };
    assertEquals(
        "image/png",
        new FileDownloads(settings(), resetOnce, waits::add)
            .download(image, Long.MAX_VALUE)
            .contentType());
    assertEquals(1, waits.size(), "one wait after the reset: " + waits);

    waits.clear();
    List<URI> tried = new ArrayList<>();
    JdkIntercomHttp unresolved =
        new JdkIntercomHttp() {
          @Override
          public Reply download(URI file, long maxBytes, java.io.OutputStream into)
              throws java.io.IOException {
            tried.add(file);
            throw new java.io.IOException(
                "RESTEASY004655: Unable to invoke request",
                new RuntimeException(new java.net.UnknownHostException(file.getHost())));
          }
        };
    assertThrows(
        IntercomFailure.Rejected.class,
        () ->
            new FileDownloads(settings().withFileHosts(List.of(".example")), unresolved, waits::add)
                .download("https://files.nosuch.example/i/o/1.png", Long.MAX_VALUE));
    assertEquals(1, tried.size(), "one attempt");
    assertEquals(List.of(), waits);
  }

  private static void assertBetween(long fromMillis, long toMillis, Duration wait, String what) {
    assertTrue(
        wait.toMillis() >= fromMillis && wait.toMillis() <= toMillis,
        what + ": " + wait + " not within " + fromMillis + " to " + toMillis + " ms");
  }

  private static final String FILE_HOST = "GET /i/o/{file}";

  private static SimulatorConfig withImages() {
    return SimulatorConfig.defaults(5, 400)
        .withRatePerMinute(0)
        .withWorkspace(new WorkspaceSpec(5, 400, 0.1, 0.3, 0, 1.0, 8));
  }

  /** The first image a qualifying conversation's opening message shows. */
  private String firstImage(IntercomWorkspace intercom) {
    return sim.oracle().qualifyingNewestFirst().stream()
        .map(id -> intercom.conversation(new ConversationId(id)))
        .map(fetch -> ((ConversationFetch.Found) fetch).conversation().source().body())
        .flatMap(body -> com.feedbacksync.domain.intercom.Html.imageSources(body).stream())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no conversation shows an image"));
  }

  /**
   * A 3 MB attachment arrives in its spool whole (the simulator's sized files: a PDF header, then
   * 'a' + i % 26 at byte i), and its spool is gone once discarded.
   */
  private void assertSpooledWhole(IntercomWorkspace intercom, String conversation, int size) {
    sim.attachFile(conversation, size);
    String url =
        ((ConversationFetch.Found) intercom.conversation(new ConversationId(conversation)))
            .conversation().source().attachments().stream()
                .filter(a -> a.name().equals("report-" + size + ".pdf"))
                .findFirst()
                .orElseThrow()
                .url();
    var content = intercom.download(url, Long.MAX_VALUE).content();
    assertEquals(size, content.size());
    try (var in = content.open()) {
      byte[] bytes = in.readAllBytes();
      assertEquals(size, bytes.length);
      for (int i = 9; i < size; i++) {
        if (bytes[i] != (byte) ('a' + i % 26)) {
          throw new AssertionError("byte " + i + " differs from the file's");
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    content.discard();
    assertThrows(java.nio.file.NoSuchFileException.class, content::open);
  }
}
