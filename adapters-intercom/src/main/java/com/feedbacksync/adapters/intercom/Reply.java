package com.feedbacksync.adapters.intercom;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** An HTTP answer from Intercom, as the adapter reads it: status, headers, body. */
record Reply(int status, Map<String, List<String>> headers, byte[] body) {

  Reply {
    Map<String, List<String>> lower = new TreeMap<>();
    headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
    headers = lower;
  }

  Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  String text() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
