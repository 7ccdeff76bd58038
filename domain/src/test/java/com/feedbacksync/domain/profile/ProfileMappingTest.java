package com.feedbacksync.domain.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.feedbacksync.domain.intercom.AttributeValue;
import com.feedbacksync.domain.intercom.Company;
import com.feedbacksync.domain.intercom.CompanyId;
import com.feedbacksync.domain.intercom.Contact;
import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.ContactRole;
import com.feedbacksync.domain.intercom.Segment;
import com.feedbacksync.domain.intercom.WorkspaceId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProfileMappingTest {

  private static final WorkspaceId WS = new WorkspaceId("abc12345");
  private static final Instant UPDATED = Instant.ofEpochSecond(1785000000);

  private static final Company ACME =
      new Company(
          new CompanyId("6690a1b2c3d4e5f60718293a"),
          "Acme Analytics",
          UPDATED,
          ordered(
              "company_id",
              AttributeValue.text("acme-42"),
              "plan",
              AttributeValue.text("Enterprise"),
              "size",
              AttributeValue.number(250)),
          ordered(
              "industry",
              AttributeValue.text("Software"),
              "plan",
              AttributeValue.text("custom-plan")));

  private static final Company GLOBEX =
      new Company(new CompanyId("77"), "Globex", UPDATED, Map.of(), Map.of());

  /** After {@code contact-with-custom-attributes-and-company.json}. */
  private static Contact casey(List<CompanyId> companies) {
    return new Contact(
        new ContactId("66a1f0c2e4b0a1b2c3d4e5f6"),
        ContactRole.USER,
        Optional.of("Casey Customer"),
        Optional.of("casey@example.com"),
        UPDATED,
        ordered(
            "external_id",
            AttributeValue.text("user-4711"),
            "location.city",
            AttributeValue.text("Berlin"),
            "plan",
            AttributeValue.text("standard-plan")),
        ordered(
            "seats",
            AttributeValue.number(12),
            "beta_tester",
            AttributeValue.bool(true),
            "plan",
            AttributeValue.text("custom-plan")),
        companies);
  }

  @Test
  void maps_name_email_role_segments_and_every_attribute() {
    CustomerProfile p =
        ProfileMapping.map(
            WS,
            casey(List.of(ACME.id())),
            List.of(ACME),
            List.of(
                new Segment("s2", "Power users"),
                new Segment("s1", "active"),
                new Segment("s3", "Power users")));

    assertEquals(Optional.of("Casey Customer"), p.name());
    assertEquals(Optional.of("casey@example.com"), p.email());
    assertEquals(ContactRole.USER, p.role());
    assertEquals(List.of("active", "Power users"), p.segments());
    assertEquals(List.of(ACME.id()), p.companies().stream().map(CompanyRef::id).toList());
    assertEquals(
        List.of(
            "external_id",
            "location.city",
            "plan",
            "seats",
            "beta_tester",
            "custom.plan",
            "company.name",
            "company.id",
            "company.company_id",
            "company.plan",
            "company.size",
            "company.industry",
            "company.custom.plan"),
        List.copyOf(p.properties().keySet()));
    assertEquals(new AttributeValue.Text("standard-plan"), p.properties().get("plan"));
    assertEquals(new AttributeValue.Text("custom-plan"), p.properties().get("custom.plan"));
    assertEquals(new AttributeValue.Text("Enterprise"), p.properties().get("company.plan"));
    assertEquals(new AttributeValue.Text("Acme Analytics"), p.properties().get("company.name"));
    assertEquals(WS, p.workspace());
    assertEquals(UPDATED, p.updatedAt());
  }

  @Test
  void takes_the_first_company_the_contact_lists_as_primary_and_lists_them_all() {
    CustomerProfile p =
        ProfileMapping.map(
            WS, casey(List.of(GLOBEX.id(), ACME.id())), List.of(ACME, GLOBEX), List.of());
    assertEquals(new AttributeValue.Text("Globex"), p.properties().get("company.name"));
    assertEquals(
        List.of("Globex", "Acme Analytics"), p.companies().stream().map(CompanyRef::name).toList());
  }

  @Test
  void lists_every_company_with_all_its_properties_not_only_the_primary() {
    CustomerProfile p =
        ProfileMapping.map(
            WS, casey(List.of(GLOBEX.id(), ACME.id())), List.of(ACME, GLOBEX), List.of());
    CompanyRef acme = p.companies().get(1);
    assertEquals(
        ordered(
            "name",
            AttributeValue.text("Acme Analytics"),
            "id",
            AttributeValue.text("6690a1b2c3d4e5f60718293a"),
            "company_id",
            AttributeValue.text("acme-42"),
            "plan",
            AttributeValue.text("Enterprise"),
            "size",
            AttributeValue.number(250),
            "industry",
            AttributeValue.text("Software"),
            "custom.plan",
            AttributeValue.text("custom-plan")),
        acme.properties());
    assertEquals(List.of("name", "id"), List.copyOf(p.companies().get(0).properties().keySet()));
    // The second company is not the primary: nothing of it under company.*.
    assertEquals(new AttributeValue.Text("Globex"), p.properties().get("company.name"));
    assertEquals(null, p.properties().get("company.industry"));
  }

  @Test
  void keeps_companies_the_contact_does_not_list_after_those_it_does() {
    CustomerProfile p =
        ProfileMapping.map(
            WS, casey(List.of(new CompanyId("gone"), ACME.id())), List.of(GLOBEX, ACME), List.of());
    assertEquals(
        List.of("Acme Analytics", "Globex"), p.companies().stream().map(CompanyRef::name).toList());
  }

  @Test
  void a_contact_without_companies_has_no_company_properties() {
    CustomerProfile p = ProfileMapping.map(WS, casey(List.of()), List.of(), List.of());
    assertEquals(List.of(), p.companies());
    assertEquals(6, p.properties().size());
  }

  @Test
  void shows_the_name_else_the_email_else_the_id() {
    Contact lead =
        new Contact(
            new ContactId("l1"),
            ContactRole.LEAD,
            Optional.of(" "),
            Optional.empty(),
            UPDATED,
            Map.of(),
            Map.of(),
            List.of());
    assertEquals("l1", ProfileMapping.map(WS, lead, List.of(), List.of()).displayName());
    Contact withEmail =
        new Contact(
            new ContactId("l1"),
            ContactRole.LEAD,
            Optional.empty(),
            Optional.of("r@x.example"),
            UPDATED,
            Map.of(),
            Map.of(),
            List.of());
    assertEquals(
        "r@x.example", ProfileMapping.map(WS, withEmail, List.of(), List.of()).displayName());
    assertEquals(
        "Casey Customer",
        ProfileMapping.map(WS, casey(List.of()), List.of(), List.of()).displayName());
  }

  private static Map<String, AttributeValue> ordered(Object... keyValues) {
    Map<String, AttributeValue> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put((String) keyValues[i], (AttributeValue) keyValues[i + 1]);
    }
    return map;
  }
}
