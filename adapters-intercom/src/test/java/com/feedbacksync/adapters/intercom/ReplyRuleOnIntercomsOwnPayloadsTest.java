package com.feedbacksync.adapters.intercom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.domain.document.DocumentMapping;
import com.feedbacksync.domain.document.DocumentMessage;
import com.feedbacksync.domain.document.FeedbackDocument;
import com.feedbacksync.domain.document.MappingSettings;
import com.feedbacksync.domain.intercom.Conversation;
import com.feedbacksync.domain.intercom.Region;
import com.feedbacksync.domain.intercom.Workspace;
import com.feedbacksync.domain.intercom.WorkspaceId;
import com.feedbacksync.domain.sync.ReplyRequiredFilter;
import com.feedbacksync.domain.sync.ReplyVerdict;
import com.feedbacksync.domain.sync.ReplyVerdict.SkipReason;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Every conversation Intercom itself publishes (the examples of the 2.16 description) and every
 * shared conversation fixture, walked through the reader, the reply rule and the mapping. The
 * expected verdicts are written here by reading each payload, with the reason, never taken from the
 * rule: a customer's words count in any part type but a note (issue 18, item 1).
 */
class ReplyRuleOnIntercomsOwnPayloadsTest {

  /** Kept or not, why, and words of the customer the document must then show (or null). */
  record Expected(boolean kept, String why, String customerWords) {
    static Expected kept(String why, String words) {
      return new Expected(true, why, words);
    }

    static Expected skipped(String why) {
      return new Expected(false, why, null);
    }
  }

  private static final Map<String, Expected> SPEC_EXAMPLES = new LinkedHashMap<>();

  static {
    String admin = "an admin's outbound opening and ";
    SPEC_EXAMPLES.put(
        "GET /conversations successful #0",
        Expected.skipped(admin + "no parts (a list item; a retrieve would decide on its parts)"));
    SPEC_EXAMPLES.put(
        "GET /conversations/{conversation_id} conversation found",
        Expected.skipped(admin + "an admin comment and admin or bot events"));
    SPEC_EXAMPLES.put(
        "PUT /conversations/{conversation_id} conversation found",
        Expected.skipped(admin + "two bot attribute updates"));
    SPEC_EXAMPLES.put(
        "PUT /conversations/{conversation_id} update a conversation with an association to a custom"
            + " object instance",
        Expected.skipped(admin + "no parts"));
    SPEC_EXAMPLES.put(
        "POST /conversations/search successful #0", Expected.skipped(admin + "no parts"));
    SPEC_EXAMPLES.put(
        "POST /conversations/{conversation_id}/reply User reply",
        Expected.kept("the user's reply comes as an 'open' part with their text", "Thanks again"));
    SPEC_EXAMPLES.put(
        "POST /conversations/{conversation_id}/reply Admin Reply with a Note",
        Expected.skipped(admin + "an internal note"));
    SPEC_EXAMPLES.put(
        "POST /conversations/{conversation_id}/reply Admin Reply to send Quick Reply Options",
        Expected.skipped(admin + "an admin's quick-reply options without words"));
    SPEC_EXAMPLES.put(
        "POST /conversations/{conversation_id}/reply User last conversation reply",
        Expected.kept("the user's last reply is an 'open' part with their text", "Thanks again"));
    SPEC_EXAMPLES.put(
        "POST /conversations/{conversation_id}/parts Close a conversation",
        Expected.skipped(admin + "an admin's closing words"));
    SPEC_EXAMPLES.put(
        "POST /conversations/{conversation_id}/parts Snooze a conversation",
        Expected.skipped(admin + "a snooze event"));
    SPEC_EXAMPLES.put(
        "POST /conversations/{conversation_id}/parts Open a conversation",
        Expected.skipped(admin + "an admin reopening without words"));
    SPEC_EXAMPLES.put(
        "POST /conversations/{conversation_id}/parts Assign a conversation",
        Expected.skipped(admin + "an assignment"));
    SPEC_EXAMPLES.put(
        "POST /conversations/redact Redact a conversation part",
        Expected.kept("the user's 'open' reply was redacted: still written by the user", null));
    SPEC_EXAMPLES.put(
        "POST /conversations/{id}/merge Conversation merged",
        Expected.skipped(
            "first_contact_reply is set, but every part is returned and none is a customer's:"
                + " the parts decide"));
    SPEC_EXAMPLES.put(
        "POST /tickets/{ticket_id}/linked_conversations successful",
        Expected.skipped(admin + "no parts"));
    SPEC_EXAMPLES.put(
        "DELETE /tickets/{ticket_id}/linked_conversations/{id} successful",
        Expected.skipped(admin + "no parts"));
  }

  private static final Map<String, Expected> FIXTURES = new LinkedHashMap<>();

  static {
    FIXTURES.put(
        "conversation-user-initiated-with-replies.json",
        Expected.kept("the user wrote the opening and a later comment", null));
    FIXTURES.put(
        "conversation-outbound-no-reply.json",
        Expected.skipped("an admin's 1:1 outbound e-mail, no parts"));
    FIXTURES.put(
        "conversation-outbound-with-customer-reply.json",
        Expected.kept("the lead answered the automated e-mail in a comment", null));
    FIXTURES.put(
        "conversation-tags-custom-attributes-inline-image.json",
        Expected.kept("the user wrote the opening", null));
    FIXTURES.put(
        "webhook-conversation-user-replied.json data.item",
        Expected.kept("the webhook's conversation carries the user's reply", null));
  }

  static Stream<Arguments> specExamples() {
    return conversationExamples().entrySet().stream()
        .map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  static Stream<Arguments> fixtures() {
    return FIXTURES.keySet().stream().map(Arguments::of);
  }

  @Test
  void the_table_covers_every_conversation_example_of_the_description_and_no_other() {
    assertEquals(SPEC_EXAMPLES.keySet(), conversationExamples().keySet());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specExamples")
  void judges_and_maps_each_conversation_example_of_intercoms_description(
      String example, JsonObject json) {
    check(example, IntercomJson.conversation(json), SPEC_EXAMPLES.get(example));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void judges_and_maps_each_shared_conversation_fixture(String fixture) {
    JsonObject json =
        fixture.endsWith(" data.item")
            ? IntercomJsonTest.fixture(fixture.substring(0, fixture.indexOf(' ')))
                .getJsonObject("data")
                .getJsonObject("item")
            : IntercomJsonTest.fixture(fixture);
    check(fixture, IntercomJson.conversation(json), FIXTURES.get(fixture));
  }

  private static void check(String name, Conversation conversation, Expected expected) {
    ReplyVerdict verdict = new ReplyRequiredFilter().judge(conversation);
    assertEquals(expected.kept(), verdict.kept(), name + ": " + expected.why());
    if (!expected.kept()) {
      assertEquals(
          new ReplyVerdict.Skip(SkipReason.OUTBOUND_WITHOUT_CUSTOMER_REPLY), verdict, name);
      return;
    }
    FeedbackDocument document =
        new DocumentMapping(MappingSettings.DEFAULT)
            .map(
                new Workspace(new WorkspaceId("abc12345"), "Acme", Region.US),
                conversation,
                Instant.EPOCH);
    Optional<DocumentMessage> customers =
        document.messages().stream().filter(m -> m.author().isCustomer()).findFirst();
    assertTrue(customers.isPresent(), name + ": the document shows the customer's message");
    if (expected.customerWords() != null) {
      assertTrue(
          document.messages().stream()
              .filter(m -> m.author().isCustomer())
              .anyMatch(m -> m.html().contains(expected.customerWords())),
          name + ": the document shows \"" + expected.customerWords() + "\"");
    }
  }

  /**
   * Every conversation in the examples of the description's operations: an example that is one, or
   * the items of an example's {@code conversations} list, named by operation, example and index.
   */
  static Map<String, JsonObject> conversationExamples() {
    JsonNode spec;
    try (InputStream in =
        ReplyRuleOnIntercomsOwnPayloadsTest.class.getResourceAsStream(
            "/intercom-openapi/intercom-api-2.16.yaml")) {
      spec = new YAMLMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, JsonObject> found = new LinkedHashMap<>();
    spec.path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        method ->
                            method
                                .getValue()
                                .path("responses")
                                .forEach(
                                    response ->
                                        response
                                            .path("content")
                                            .forEach(
                                                media ->
                                                    media
                                                        .path("examples")
                                                        .properties()
                                                        .forEach(
                                                            example ->
                                                                collect(
                                                                    method.getKey().toUpperCase()
                                                                        + " "
                                                                        + path.getKey()
                                                                        + " "
                                                                        + example.getKey(),
                                                                    example
                                                                        .getValue()
                                                                        .path("value"),
                                                                    found))))));
    return found;
  }

  private static void collect(String name, JsonNode value, Map<String, JsonObject> found) {
    if (isConversation(value)) {
      found.put(name, json(value));
    }
    JsonNode list = value.path("conversations");
    for (int i = 0; i < list.size(); i++) {
      if (isConversation(list.get(i))) {
        found.put(name + " #" + i, json(list.get(i)));
      }
    }
  }

  private static boolean isConversation(JsonNode node) {
    return "conversation".equals(node.path("type").asString(""))
        && node.has("source")
        && node.has("id");
  }

  private static JsonObject json(JsonNode node) {
    return IntercomJson.parse(
        new Reply(200, Map.of(), node.toString().getBytes(StandardCharsets.UTF_8)));
  }
}
