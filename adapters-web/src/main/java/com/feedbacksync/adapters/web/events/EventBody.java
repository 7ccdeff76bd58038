package com.feedbacksync.adapters.web.events;

import com.feedbacksync.application.model.OutboundEvent;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

/**
 * An event's JSON as the research repository receives it: {@code {"id", "type", "occurredAt",
 * "account", "data": {...}}}. Built only from the event's own fields, never a token or a secret.
 */
final class EventBody {

  private static final JsonProvider JSON = JsonProvider.provider();

  private EventBody() {}

  static String of(OutboundEvent event) {
    JsonObjectBuilder data = JSON.createObjectBuilder();
    event
        .data()
        .forEach(
            (key, value) -> {
              if (value instanceof Long n) {
                data.add(key, n);
              } else if (value instanceof Boolean b) {
                data.add(key, b);
              } else {
                data.add(key, (String) value);
              }
            });
    return JSON.createObjectBuilder()
        .add("id", event.id())
        .add("type", event.type().wireName())
        .add("occurredAt", event.occurredAt().toString())
        .add("account", event.account().value())
        .add("data", data)
        .build()
        .toString();
  }
}
