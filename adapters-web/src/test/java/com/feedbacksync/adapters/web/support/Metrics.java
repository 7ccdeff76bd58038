package com.feedbacksync.adapters.web.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One scrape of the server's {@code /metrics} as Prometheus reads it (no token), and the value of a
 * metric summed over the series whose labels include the given ones (0 when none is there yet).
 */
public final class Metrics {

  private final String text;

  private Metrics(String text) {
    this.text = text;
  }

  public static Metrics scrape(URL base) throws Exception {
    URI metrics = URI.create(base.getProtocol() + "://" + base.getAuthority() + "/metrics");
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(metrics).header("Accept", "text/plain").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), "/metrics answers a scrape without a login");
    return new Metrics(response.body());
  }

  public double value(String name, Map<String, String> labels) {
    double sum = 0;
    for (String line : text.lines().toList()) {
      if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
        String series = line.substring(0, line.lastIndexOf(' '));
        boolean matches =
            labels.entrySet().stream()
                .allMatch(l -> series.contains(l.getKey() + "=\"" + l.getValue() + "\""));
        if (matches) {
          sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
      }
    }
    return sum;
  }

  /** The service's own lines, for a failure message. */
  public String ours() {
    return text.lines()
        .filter(l -> l.startsWith("feedbacksync_"))
        .collect(Collectors.joining("\n"));
  }

  public String text() {
    return text;
  }
}
