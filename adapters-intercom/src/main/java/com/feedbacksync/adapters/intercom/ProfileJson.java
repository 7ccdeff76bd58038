package com.feedbacksync.adapters.intercom;

import com.feedbacksync.domain.intercom.AttributeValue;
import com.feedbacksync.domain.intercom.Company;
import com.feedbacksync.domain.intercom.CompanyId;
import com.feedbacksync.domain.intercom.Contact;
import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.ContactRole;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Contacts and companies into the domain, keeping every attribute Intercom returns: the fields the
 * contact or company is made of (id, name, e-mail, role, updated time, custom attributes, company
 * references), and every other field as a standard attribute, typed and flattened by {@link
 * AttributeFlattening} ({@code location.city}, {@code utm_source}, {@code tags.ids}, {@code
 * browser_version}, fields Intercom adds later). What is deliberately not kept is listed in {@link
 * #DROPPED}, each with its reason; a test walks Intercom's payloads and fails on any field that is
 * neither kept nor listed.
 */
final class ProfileJson {

  /** Contact fields the contact itself is made of (not attributes). */
  static final Set<String> CONTACT_OWN =
      Set.of("id", "role", "name", "email", "updated_at", "custom_attributes", "companies");

  /** Company fields the company itself is made of (not attributes). */
  static final Set<String> COMPANY_OWN = Set.of("id", "name", "updated_at", "custom_attributes");

  /**
   * Fields of contacts and companies deliberately not kept, by path ({@code []} for a list's items;
   * {@code x.*} for everything under {@code x}, elsewhere {@code *} for any run of characters but
   * brackets), each with its reason.
   */
  static final Map<String, String> DROPPED = dropped();

  private static Map<String, String> dropped() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("type", "always \"contact\" or \"company\": the kind of object, not a fact about it");
    m.put(
        "*.type",
        "Intercom's marker of a nested object's kind (location, avatar, list, tag, plan)");
    m.put("*[].type", "Intercom's marker of a list item's kind (tag, company, subscription)");
    m.put(
        "workspace_id",
        "the Intercom workspace: the same for every profile, shown with the connection");
    m.put(
        "app_id", "the Intercom workspace: the same for every profile, shown with the connection");
    m.put(
        "notes.*",
        "the team's internal notes about the customer (references only), not the customer's data;"
            + " internal notes are not synced by default");
    m.put(
        "companies.*",
        "references only: the contact's companies are read whole from /contacts/{id}/companies"
            + " and each is kept with all its attributes");
    m.put("*.url", "the API path of a list's remainder (/contacts/{id}/tags): a link, not data");
    for (String list :
        List.of("tags", "opted_in_subscription_types", "opted_out_subscription_types")) {
      m.put(list + ".data[].url", "the API path of a list item (/tags/9100): a link, not data");
    }
    m.put("*.has_more", "a paging flag of a list; the list's total_count is kept");
    return m;
  }

  private ProfileJson() {}

  static Contact contact(JsonObject c) {
    String id =
        IntercomJson.text(c, "id")
            .orElseThrow(() -> new IntercomJson.Malformed("contact without id", null));
    JsonObject listed = IntercomJson.object(c, "companies").orElse(JsonValue.EMPTY_JSON_OBJECT);
    List<JsonObject> refs = IntercomJson.objects(listed, "data");
    List<CompanyId> companies =
        refs.stream()
            .map(ref -> IntercomJson.text(ref, "id"))
            .flatMap(Optional::stream)
            .map(CompanyId::new)
            .toList();
    // A contact lists up to 10 companies; has_more (or a larger total) says there are others.
    boolean more =
        listed.getBoolean("has_more", false)
            || IntercomJson.number(listed, "total_count").orElse(0L) > refs.size();
    return new Contact(
        new ContactId(id),
        ContactRole.fromIntercom(IntercomJson.text(c, "role").orElse(null)),
        IntercomJson.text(c, "name"),
        IntercomJson.text(c, "email"),
        time(c, "updated_at").or(() -> time(c, "created_at")).orElse(Instant.EPOCH),
        standard(c, CONTACT_OWN),
        IntercomJson.attributes(IntercomJson.object(c, "custom_attributes")),
        companies,
        more);
  }

  static Company company(JsonObject c) {
    String id =
        IntercomJson.text(c, "id")
            .orElseThrow(() -> new IntercomJson.Malformed("company without id", null));
    Map<String, AttributeValue> standard = new LinkedHashMap<>();
    // The plan by its name, as admins know it ("company.plan"); its id beside it.
    IntercomJson.object(c, "plan")
        .ifPresent(
            p -> {
              IntercomJson.text(p, "name")
                  .filter(n -> !n.isBlank())
                  .ifPresent(n -> standard.put("plan", AttributeValue.text(n)));
              AttributeFlattening.put(standard, "plan.id", p.get("id"));
            });
    standard.putAll(standard(c, plus(COMPANY_OWN, "plan")));
    return new Company(
        new CompanyId(id),
        IntercomJson.text(c, "name").orElse(null),
        time(c, "updated_at").orElse(Instant.EPOCH),
        standard,
        IntercomJson.attributes(IntercomJson.object(c, "custom_attributes")));
  }

  /** Every field but the object's own and the dropped ones, flattened in Intercom's order. */
  private static Map<String, AttributeValue> standard(JsonObject o, Set<String> own) {
    Map<String, AttributeValue> standard = new LinkedHashMap<>();
    o.forEach(
        (field, value) -> {
          if (!own.contains(field) && !DROPPED.containsKey(field) && !droppedWhole(field)) {
            AttributeFlattening.put(standard, field, value);
          }
        });
    return standard;
  }

  private static boolean droppedWhole(String field) {
    return DROPPED.containsKey(field + ".*");
  }

  private static Set<String> plus(Set<String> set, String more) {
    Set<String> all = new HashSet<>(set);
    all.add(more);
    return all;
  }

  private static Optional<Instant> time(JsonObject o, String field) {
    return IntercomJson.number(o, field).filter(t -> t > 0).map(Instant::ofEpochSecond);
  }
}
