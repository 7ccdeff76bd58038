package com.feedbacksync.simulator;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Intercom's 2.16 component schemas as JSON Schema (draft 7), to validate what the simulator
 * serves.
 *
 * <p>OpenAPI 3.0 is not quite JSON Schema: {@code nullable} becomes a null type, {@code $ref}s
 * point at {@code definitions}. The spec also contradicts its own examples in places, which real
 * payloads follow (see shared/intercom-fixtures/README.md); those are relaxed here, one by one, on
 * purpose: custom attribute values of any JSON type (conversations and companies), null
 * width/height of non-image attachments, and no format checks (see {@link #convert}).
 */
public final class IntercomSchemas {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static volatile IntercomSchemas instance;

  private final ObjectNode definitions;
  private final SchemaRegistry registry =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

  private IntercomSchemas(ObjectNode definitions) {
    this.definitions = definitions;
  }

  public static IntercomSchemas load() {
    if (instance == null) {
      synchronized (IntercomSchemas.class) {
        if (instance == null) {
          try (InputStream in =
              IntercomSchemas.class.getResourceAsStream(
                  "/intercom-openapi/intercom-api-2.16.yaml")) {
            JsonNode spec = new YAMLMapper().readTree(in);
            ObjectNode defs = (ObjectNode) convert(spec.path("components").path("schemas"));
            relaxKnownContradictions(defs);
            instance = new IntercomSchemas(defs);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
    }
    return instance;
  }

  /** The violations of {@code instance} against the named component schema; empty when valid. */
  public List<String> violations(String component, JsonNode instance) {
    Schema schema =
        schemas.computeIfAbsent(
            component,
            name -> {
              if (!definitions.has(name)) {
                throw new IllegalArgumentException("no schema " + name);
              }
              ObjectNode root = F.objectNode();
              root.put("$schema", "http://json-schema.org/draft-07/schema#");
              root.set("definitions", definitions);
              root.put("$ref", "#/definitions/" + name);
              return registry.getSchema(SchemaLocation.of("urn:intercom:2.16:" + name), root);
            });
    return schema.validate(instance).stream()
        .map(e -> e.getInstanceLocation() + " " + e.getMessage())
        .toList();
  }

  private static JsonNode convert(JsonNode node) {
    if (node.isArray()) {
      ArrayNode out = F.arrayNode();
      node.forEach(n -> out.add(convert(n)));
      return out;
    }
    if (!node.isObject()) {
      return node;
    }
    ObjectNode out = F.objectNode();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String key = e.getKey();
      JsonNode value = e.getValue();
      switch (key) {
        // Formats are dropped: on numbers they mean nothing, "uri" is contradicted by the spec's
        // own
        // relative URLs, and the validator's "email" refuses valid hyphenated domains.
        case "example",
            "examples",
            "discriminator",
            "xml",
            "externalDocs",
            "nullable",
            "format" -> {}
        case "$ref" ->
            out.put("$ref", value.asString().replace("#/components/schemas/", "#/definitions/"));
        case "properties", "definitions" -> {
          ObjectNode props = out.putObject(key);
          value.properties().forEach(p -> props.set(p.getKey(), convert(p.getValue())));
        }
        default -> out.set(key, convert(value));
      }
    }
    if (node.path("nullable").asBoolean(false)) {
      if (out.has("type")) {
        ArrayNode types = F.arrayNode().add(out.get("type").asString()).add("null");
        out.set("type", types);
        if (out.has("enum")) {
          ((ArrayNode) out.get("enum")).addNull();
        }
      } else {
        ObjectNode wrapped = F.objectNode();
        wrapped.putArray("anyOf").add(out).add(F.objectNode().put("type", "null"));
        return wrapped;
      }
    }
    return out;
  }

  private static void relaxKnownContradictions(ObjectNode defs) {
    ((ObjectNode) defs.get("custom_attributes")).set("additionalProperties", F.objectNode());
    ((ObjectNode) defs.path("company").path("properties").path("custom_attributes"))
        .set("additionalProperties", F.objectNode());
    ObjectNode attachment = (ObjectNode) defs.path("part_attachment").path("properties");
    for (String size : List.of("width", "height")) {
      ((ObjectNode) attachment.get(size)).set("type", F.arrayNode().add("integer").add("null"));
    }
  }
}
