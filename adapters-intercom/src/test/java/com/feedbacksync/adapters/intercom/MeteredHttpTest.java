package com.feedbacksync.adapters.intercom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MeteredHttpTest {

  private static final URI API = URI.create("https://api.intercom.io");

  private final List<String> counted = new ArrayList<>();

  /** Intercom answering every call with this status. */
  private static IntercomHttp answering(int status) {
    return (IntercomHttp)
        Proxy.newProxyInstance(
            IntercomHttp.class.getClassLoader(),
            new Class<?>[] {IntercomHttp.class},
            (proxy, method, args) -> new Reply(status, Map.of(), new byte[0]));
  }

  @Test
  void every_endpoint_is_counted_under_its_own_short_name_with_the_status() throws Exception {
    MeteredHttp http =
        new MeteredHttp(answering(200), (endpoint, status) -> counted.add(endpoint + " " + status));

    http.me(API, "t");
    http.searchConversations(API, "t", "{}");
    http.conversation(API, "t", "215474154200001");
    http.deletedConversations(API, "t", 1, 50);
    http.searchContacts(API, "t", "{}");
    http.contact(API, "t", "c-1");
    http.contactSegments(API, "t", "c-1");
    http.contactCompanies(API, "t", "c-1");
    http.company(API, "t", "co-1");
    http.exchangeCode(API, Map.of("code", "x"));
    http.listCompanies(API, "t", 1, 50);
    http.companyContacts(API, "t", "co-1", 1, 50);
    http.download(
        URI.create("https://downloads.intercomcdn.com/f.png"),
        10,
        java.io.OutputStream.nullOutputStream());

    assertEquals(13, counted.size());
    Set<String> endpoints = new TreeSet<>();
    counted.forEach(c -> endpoints.add(c.split(" ")[0]));
    assertEquals(13, endpoints.size(), "one name per endpoint: " + endpoints);
    assertEquals("conversation 200", counted.get(2), "the id is no part of the name");
  }

  @Test
  void a_429_is_counted_with_its_status_so_the_meter_can_count_the_wait() throws Exception {
    MeteredHttp http =
        new MeteredHttp(answering(429), (endpoint, status) -> counted.add(endpoint + " " + status));

    http.searchConversations(API, "t", "{}");

    assertEquals(List.of("conversation_search 429"), counted);
  }
}
