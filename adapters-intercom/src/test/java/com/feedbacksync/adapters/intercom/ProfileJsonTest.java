package com.feedbacksync.adapters.intercom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.domain.intercom.AttributeValue;
import com.feedbacksync.domain.intercom.Company;
import com.feedbacksync.domain.intercom.CompanyId;
import com.feedbacksync.domain.intercom.Contact;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Contacts and companies keep every field Intercom returns: each leaf of each payload below is
 * either found in the contact or company read from it, under the name the README promises, or on
 * {@link ProfileJson#DROPPED} with a reason. The expected names are worked out here from the JSON
 * paths, never from the mapping: a field the mapping forgets fails this test.
 */
class ProfileJsonTest {

  /** A 2.16 contact with every field of the schema filled (the shared fixture leaves many null). */
  static final String EVERY_FIELD =
      """
      {"type":"contact","id":"66a1f0c2e4b0a1b2c3d4e5f7","workspace_id":"abc12345",
       "external_id":"user-4712","role":"lead","email":"robin@example.com",
       "email_domain":"example.com","phone":"+49 30 555 0100","name":"Robin Lead",
       "avatar":{"type":"avatar","image_url":"https://static.intercomassets.com/avatars/1/a.png"},
       "owner_id":"7301246","social_profiles":{"type":"list","data":[
         {"type":"social_profile","name":"Twitter","url":"https://twitter.com/robin"}]},
       "has_hard_bounced":true,"marked_email_as_spam":false,"unsubscribed_from_emails":true,
       "created_at":1760000000,"updated_at":1785309100,"signed_up_at":1760000001,
       "last_seen_at":1785308000,"last_replied_at":1785300000,"last_contacted_at":1785308001,
       "last_email_opened_at":1785308002,"last_email_clicked_at":1785308003,
       "language_override":"de","browser":"firefox","browser_version":"128.0",
       "browser_language":"de-DE","os":"Windows 11",
       "android_app_name":"Acme","android_app_version":"5.1.0","android_device":"Pixel 8",
       "android_os_version":"14","android_sdk_version":"34","android_last_seen_at":1785000000,
       "ios_app_name":"Acme","ios_app_version":"5.1.1","ios_device":"iPhone15,2",
       "ios_os_version":"17.5","ios_sdk_version":"17.2.0","ios_last_seen_at":1785000001,
       "custom_attributes":{"plan":"Free","nps":9,"beta":false,"ratio":0.25},
       "location":{"type":"location","country":"Germany","region":"Berlin","city":"Berlin",
         "country_code":"DEU","continent_code":"EU"},
       "tags":{"type":"list","data":[{"type":"tag","id":"9100","url":"/tags/9100"},
         {"type":"tag","id":"9101","url":"/tags/9101","name":"vip"}],
         "url":"/contacts/66a1f0c2e4b0a1b2c3d4e5f7/tags","total_count":2,"has_more":false},
       "notes":{"type":"list","data":[{"type":"note","id":"17","url":"/notes/17"}],
         "url":"/contacts/66a1f0c2e4b0a1b2c3d4e5f7/notes","total_count":1,"has_more":false},
       "companies":{"type":"list","data":[{"id":"6762f07f1bb69f9f2193baf5","type":"company",
         "url":"/companies/6762f07f1bb69f9f2193baf5"}],
         "url":"/contacts/66a1f0c2e4b0a1b2c3d4e5f7/companies","total_count":1,"has_more":false},
       "opted_out_subscription_types":{"type":"list","data":[{"type":"subscription","id":"31",
         "url":"/subscriptions/31"}],"url":"/contacts/x/subscriptions","total_count":1,
         "has_more":false},
       "opted_in_subscription_types":{"type":"list","data":[],"url":"/contacts/x/subscriptions",
         "total_count":0,"has_more":false},
       "utm_campaign":"spring","utm_content":"banner","utm_medium":"cpc","utm_source":"google",
       "utm_term":"analytics","referrer":"https://www.example.org/blog",
       "enabled_push_messaging":true,"brand_new_field":{"nested":{"deep_at":1785000002}}}
      """;

  static Stream<JsonObject> contacts() {
    return Stream.of(
        IntercomJsonTest.fixture("contact-with-custom-attributes-and-company.json"),
        json(EVERY_FIELD));
  }

  static Stream<JsonObject> companies() {
    return Stream.concat(
        Stream.of(IntercomJsonTest.fixture("company.json")),
        IntercomJson.objects(IntercomJsonTest.fixture("contact-companies.json"), "companies")
            .stream());
  }

  @ParameterizedTest
  @MethodSource("contacts")
  void every_field_of_a_contact_is_kept_or_dropped_for_a_stated_reason(JsonObject payload) {
    Contact c = ProfileJson.contact(payload);
    List<String> missing = new ArrayList<>();
    for (Leaf leaf : leaves("", payload)) {
      String p = leaf.path();
      boolean kept =
          switch (p) {
            case "id" -> c.id().value().equals(leaf.text());
            case "role" -> c.role().name().toLowerCase(Locale.ROOT).equals(leaf.text());
            case "name" -> c.name().equals(Optional.of(leaf.text()));
            case "email" -> c.email().equals(Optional.of(leaf.text()));
            case "updated_at" -> c.updatedAt().equals(Instant.ofEpochSecond(leaf.number()));
            case "companies.data[].id" -> c.companyIds().contains(new CompanyId(leaf.text()));
            default ->
                p.startsWith("custom_attributes.")
                    ? raw(leaf.value())
                        .equals(
                            c.customAttributes().get(p.substring("custom_attributes.".length())))
                    : keptAsStandard(c.standardAttributes(), leaf);
          };
      if (!kept && !dropped(p)) {
        missing.add(p + " = " + leaf.value());
      }
    }
    assertEquals(List.of(), missing, "fields neither kept nor on ProfileJson.DROPPED");
  }

  @ParameterizedTest
  @MethodSource("companies")
  void every_field_of_a_company_is_kept_or_dropped_for_a_stated_reason(JsonObject payload) {
    Company c = ProfileJson.company(payload);
    List<String> missing = new ArrayList<>();
    for (Leaf leaf : leaves("", payload)) {
      String p = leaf.path();
      boolean kept =
          switch (p) {
            case "id" -> c.id().value().equals(leaf.text());
            case "name" -> c.name().equals(leaf.text());
            case "updated_at" -> c.updatedAt().equals(Instant.ofEpochSecond(leaf.number()));
            // The plan by its name, as the design names it: company.plan.
            case "plan.name" ->
                new AttributeValue.Text(leaf.text()).equals(c.standardAttributes().get("plan"));
            default ->
                p.startsWith("custom_attributes.")
                    ? raw(leaf.value())
                        .equals(
                            c.customAttributes().get(p.substring("custom_attributes.".length())))
                    : keptAsStandard(c.standardAttributes(), leaf);
          };
      if (!kept && !dropped(p)) {
        missing.add(p + " = " + leaf.value());
      }
    }
    assertEquals(List.of(), missing, "fields neither kept nor on ProfileJson.DROPPED");
  }

  @Test
  void every_dropped_field_says_why() {
    ProfileJson.DROPPED.forEach(
        (field, reason) -> assertTrue(reason.length() > 20, field + " has no reason: " + reason));
  }

  @Test
  void a_contacts_tags_location_browser_utm_and_devices_are_kept_typed() {
    Contact c = ProfileJson.contact(json(EVERY_FIELD));
    Map<String, AttributeValue> s = c.standardAttributes();
    assertEquals(list("9100", "9101"), s.get("tags.ids"));
    assertEquals(list("vip"), s.get("tags.names"));
    assertEquals(AttributeValue.number(2), s.get("tags.total_count"));
    assertEquals(AttributeValue.text("DEU"), s.get("location.country_code"));
    assertEquals(AttributeValue.text("128.0"), s.get("browser_version"));
    assertEquals(AttributeValue.text("google"), s.get("utm_source"));
    assertEquals(AttributeValue.text("iPhone15,2"), s.get("ios_device"));
    assertEquals(AttributeValue.text("2026-07-25T17:20:00Z"), s.get("android_last_seen_at"));
    assertEquals(AttributeValue.bool(true), s.get("enabled_push_messaging"));
    assertEquals(AttributeValue.text("7301246"), s.get("owner_id"));
    assertEquals(
        AttributeValue.text("2026-07-25T17:20:02Z"), s.get("brand_new_field.nested.deep_at"));
    assertEquals(
        new AttributeValue.ListValue(
            List.of(
                new AttributeValue.ObjectValue(
                    Map.of(
                        "name", AttributeValue.text("Twitter"),
                        "url", AttributeValue.text("https://twitter.com/robin"))))),
        s.get("social_profiles"));
    assertFalse(s.keySet().stream().anyMatch(k -> k.startsWith("notes")), s.keySet().toString());
    assertFalse(s.containsKey("workspace_id"));
  }

  @Test
  void absent_and_null_fields_stay_absent_and_owner_ids_of_any_version_are_text() {
    Contact c =
        ProfileJson.contact(
            json(
                "{\"id\":\"c1\",\"owner_id\":991267715123456789,\"phone\":null,\"browser\":\"\","
                    + "\"last_seen_at\":0,\"location\":{\"type\":\"location\",\"city\":null}}"));
    assertEquals(
        Map.of("owner_id", AttributeValue.text("991267715123456789")), c.standardAttributes());
  }

  @Test
  void a_time_that_cannot_be_one_stays_text_and_the_contact_stays_readable() {
    Contact c =
        ProfileJson.contact(
            json(
                "{\"id\":\"c1\",\"last_seen_at\":99999999999999999999,"
                    + "\"signed_up_at\":\"99999999999999999999\",\"created_at\":1700000000,"
                    + "\"last_replied_at\":-5}"));
    assertEquals(
        Map.of(
            "last_seen_at", AttributeValue.text("99999999999999999999"),
            "signed_up_at", AttributeValue.text("99999999999999999999"),
            "created_at", AttributeValue.text("2023-11-14T22:13:20Z")),
        c.standardAttributes());
  }

  // The walk over a payload, and the names the README promises for each kind of field.

  record Leaf(String path, JsonValue value) {
    String text() {
      return value instanceof JsonString s
          ? s.getString()
          : ((JsonNumber) value).bigDecimalValue().toPlainString();
    }

    long number() {
      return ((JsonNumber) value).longValue();
    }
  }

  /** Every scalar of a payload with its path; nulls carry nothing and are not listed. */
  static List<Leaf> leaves(String path, JsonValue v) {
    List<Leaf> out = new ArrayList<>();
    switch (v.getValueType()) {
      case OBJECT ->
          v.asJsonObject()
              .forEach((k, x) -> out.addAll(leaves(path.isEmpty() ? k : path + "." + k, x)));
      case ARRAY -> v.asJsonArray().forEach(x -> out.addAll(leaves(path + "[]", x)));
      case NULL -> {}
      default -> out.add(new Leaf(path, v));
    }
    return out;
  }

  /**
   * Kept as the README describes: a plain field under its dotted path; an id of a list's item in
   * {@code <list>.ids}, its name in {@code <list>.names}; a field of an item without id inside the
   * item kept whole under the list's name; ids as text, {@code *_at} times as ISO-8601 text.
   */
  private static boolean keptAsStandard(Map<String, AttributeValue> standard, Leaf leaf) {
    String p = leaf.path();
    if (leaf.value() instanceof JsonString s && s.getString().isBlank()) {
      return true; // blank text carries nothing
    }
    int item = p.indexOf("[].");
    if (item >= 0) {
      String field = p.substring(item + 3);
      String list = p.substring(0, item);
      String owner = list.contains(".") ? list.substring(0, list.lastIndexOf('.')) : list;
      AttributeValue expected = AttributeValue.text(leaf.text());
      if (field.equals("id")) {
        return contains(standard.get(owner + ".ids"), expected);
      }
      if (field.equals("name") && standard.containsKey(owner + ".ids")) {
        return contains(standard.get(owner + ".names"), expected);
      }
      return standard.get(owner) instanceof AttributeValue.ListValue l
          && l.values().stream()
              .anyMatch(
                  o ->
                      o instanceof AttributeValue.ObjectValue obj
                          && typed(field, leaf.value()).equals(obj.fields().get(field)));
    }
    String leafName = p.substring(p.lastIndexOf('.') + 1);
    AttributeValue expected = typed(leafName, leaf.value());
    if (expected == null) {
      return !standard.containsKey(p); // a time of 0: absent
    }
    return expected.equals(standard.get(p));
  }

  private static AttributeValue typed(String leafName, JsonValue v) {
    if (leafName.endsWith("_at") && v instanceof JsonNumber n) {
      return n.longValue() > 0
          ? AttributeValue.text(Instant.ofEpochSecond(n.longValue()).toString())
          : null;
    }
    if ((leafName.equals("id") || leafName.endsWith("_id")) && v instanceof JsonNumber n) {
      return AttributeValue.text(n.bigDecimalValue().toPlainString());
    }
    return raw(v);
  }

  private static AttributeValue raw(JsonValue v) {
    return switch (v.getValueType()) {
      case STRING -> AttributeValue.text(((JsonString) v).getString());
      case NUMBER -> new AttributeValue.Number(((JsonNumber) v).bigDecimalValue());
      case TRUE -> AttributeValue.bool(true);
      case FALSE -> AttributeValue.bool(false);
      default -> new AttributeValue.Null();
    };
  }

  private static boolean contains(AttributeValue list, AttributeValue item) {
    return list instanceof AttributeValue.ListValue l && l.values().contains(item);
  }

  /**
   * On the dropped list: {@code x.*} is everything under {@code x}; elsewhere {@code *} stands for
   * any run of characters but brackets.
   */
  private static boolean dropped(String path) {
    return ProfileJson.DROPPED.keySet().stream()
        .anyMatch(
            pattern ->
                pattern.endsWith(".*") && !pattern.startsWith("*")
                    ? path.startsWith(pattern.substring(0, pattern.length() - 1))
                    : Pattern.matches(
                        Stream.of(pattern.split("\\*", -1))
                            .map(Pattern::quote)
                            .reduce((a, b) -> a + "[^\\[\\]]*" + b)
                            .orElseThrow(),
                        path));
  }

  private static AttributeValue list(String... values) {
    return new AttributeValue.ListValue(Stream.of(values).map(AttributeValue::text).toList());
  }

  static JsonObject json(String text) {
    return IntercomJson.parse(new Reply(200, Map.of(), text.getBytes(StandardCharsets.UTF_8)));
  }
}
