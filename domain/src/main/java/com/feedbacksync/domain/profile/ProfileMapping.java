package com.feedbacksync.domain.profile;

import com.feedbacksync.domain.intercom.AttributeValue;
import com.feedbacksync.domain.intercom.Company;
import com.feedbacksync.domain.intercom.CompanyId;
import com.feedbacksync.domain.intercom.Contact;
import com.feedbacksync.domain.intercom.Segment;
import com.feedbacksync.domain.intercom.WorkspaceId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns a contact, its companies and its segments into a customer profile.
 *
 * <p>Properties, in this order: the contact's standard attributes under their Intercom names, its
 * custom attributes under theirs (a custom attribute whose name a standard one already uses becomes
 * {@code custom.<name>}, so neither is lost), then the primary company's as {@code company.<name>}:
 * {@code company.name}, {@code company.id}, its standard attributes, then its custom attributes
 * (clashes become {@code company.custom.<name>}). The primary company is the first the contact
 * lists that is known; every company is listed in {@link CustomerProfile#companies()}, each with
 * all its properties under the same names without the prefix. Segments are listed by name, sorted,
 * once each.
 */
public final class ProfileMapping {

  static final String COMPANY_PREFIX = "company.";
  static final String CUSTOM_PREFIX = "custom.";

  private ProfileMapping() {}

  public static CustomerProfile map(
      WorkspaceId workspace, Contact contact, List<Company> companies, List<Segment> segments) {
    Objects.requireNonNull(workspace, "workspace");
    Map<CompanyId, Company> known =
        companies.stream()
            .collect(
                Collectors.toMap(
                    Company::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    List<Company> ordered = new ArrayList<>();
    contact.companyIds().stream().map(known::get).filter(Objects::nonNull).forEach(ordered::add);
    known.values().stream().filter(c -> !ordered.contains(c)).forEach(ordered::add);

    Map<String, AttributeValue> properties = new LinkedHashMap<>();
    putAll(properties, "", contact.standardAttributes(), contact.customAttributes());
    primary(ordered)
        .ifPresent(company -> properties.putAll(companyProperties(company, COMPANY_PREFIX)));

    return new CustomerProfile(
        workspace,
        contact.id(),
        contact.role(),
        contact.name(),
        contact.email(),
        segmentNames(segments),
        ordered.stream()
            .map(c -> new CompanyRef(c.id(), c.name(), companyProperties(c, "")))
            .toList(),
        properties,
        contact.updatedAt());
  }

  private static Optional<Company> primary(List<Company> ordered) {
    return ordered.stream().findFirst();
  }

  private static Map<String, AttributeValue> companyProperties(Company company, String prefix) {
    Map<String, AttributeValue> properties = new LinkedHashMap<>();
    properties.put(prefix + "name", new AttributeValue.Text(company.name()));
    properties.put(prefix + "id", new AttributeValue.Text(company.id().value()));
    putAll(properties, prefix, company.standardAttributes(), company.customAttributes());
    return properties;
  }

  private static void putAll(
      Map<String, AttributeValue> properties,
      String prefix,
      Map<String, AttributeValue> standard,
      Map<String, AttributeValue> custom) {
    standard.forEach((key, value) -> properties.putIfAbsent(prefix + key, value));
    custom.forEach(
        (key, value) -> {
          String name = prefix + key;
          properties.putIfAbsent(
              properties.containsKey(name) ? prefix + CUSTOM_PREFIX + key : name, value);
        });
  }

  private static List<String> segmentNames(List<Segment> segments) {
    TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    segments.forEach(s -> names.add(s.name()));
    return List.copyOf(names);
  }
}
