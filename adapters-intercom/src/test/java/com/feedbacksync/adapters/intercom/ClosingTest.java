package com.feedbacksync.adapters.intercom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * When the application stops, the adapter's HTTP clients are closed through every wrapper, so a
 * redeploy does not leave the old clients' connection pools to the garbage collector.
 */
class ClosingTest {

  private final List<String> closed = new ArrayList<>();

  private IntercomHttp http(String name) {
    return (IntercomHttp)
        Proxy.newProxyInstance(
            IntercomHttp.class.getClassLoader(),
            new Class<?>[] {IntercomHttp.class},
            (proxy, method, args) -> {
              if (method.getName().equals("close")) {
                closed.add(name);
                return null;
              }
              return new Reply(200, Map.of(), new byte[0]);
            });
  }

  private static IntercomSettings settings() {
    return IntercomSettings.forIntercom("client", "secret", URI.create("http://localhost/cb"));
  }

  @Test
  void closing_the_workspaces_and_the_oauth_closes_their_http_clients_through_the_meter() {
    IntercomRestWorkspaces workspaces =
        new IntercomRestWorkspaces(
            settings(), new MeteredHttp(http("workspaces"), (e, s) -> {}), Clock.systemUTC());
    IntercomOAuth oauth = new IntercomOAuth(settings(), http("oauth"), Clock.systemUTC());

    workspaces.close();
    oauth.close();

    assertEquals(List.of("workspaces", "oauth"), closed);
  }
}
