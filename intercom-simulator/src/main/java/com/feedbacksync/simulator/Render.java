package com.feedbacksync.simulator;

import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON every answer is built with: the mapper, empty nodes, custom attributes and Intercom's
 * error body.
 */
final class Render {

  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private Render() {}

  static ObjectNode object() {
    return F.objectNode();
  }

  static ArrayNode array() {
    return F.arrayNode();
  }

  static ObjectNode attributes(Map<String, Object> values) {
    ObjectNode o = object();
    values.forEach((k, v) -> o.set(k, JSON.valueToTree(v)));
    return o;
  }

  static ObjectNode error(String code, String message) {
    ObjectNode o = object();
    o.put("type", "error.list");
    o.put("request_id", UUID.randomUUID().toString());
    ObjectNode e = o.putArray("errors").addObject();
    e.put("code", code);
    e.put("message", message);
    return o;
  }

  static byte[] bytes(JsonNode node) {
    return JSON.writeValueAsBytes(node);
  }
}
