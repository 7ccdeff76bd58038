package com.feedbacksync.simulator;

import static com.feedbacksync.simulator.Render.attributes;
import static com.feedbacksync.simulator.Render.object;

import com.feedbacksync.simulator.Model.Company;
import com.feedbacksync.simulator.Model.Contact;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Renders contacts, companies and segments as Intercom's 2.16 JSON. */
final class ContactRender {

  /** A contact lists at most this many of its tags, notes and companies, with a URL for all. */
  static final int ADDRESSABLE_LIMIT = 10;

  private final String appId;

  ContactRender(String appId) {
    this.appId = appId;
  }

  ObjectNode contact(Contact c) {
    ObjectNode o = object();
    o.put("type", "contact");
    o.put("id", c.id);
    o.put("workspace_id", appId);
    o.put("external_id", c.externalId);
    o.put("role", c.role);
    o.put("email", c.email);
    o.put("email_domain", c.email.substring(c.email.indexOf('@') + 1));
    o.putNull("phone");
    o.put("name", c.name);
    ObjectNode avatar = o.putObject("avatar");
    avatar.put("type", "avatar");
    avatar.putNull("image_url");
    o.putNull("owner_id");
    ObjectNode social = o.putObject("social_profiles");
    social.put("type", "list");
    social.putArray("data");
    o.put("has_hard_bounced", false);
    o.put("marked_email_as_spam", false);
    o.put("unsubscribed_from_emails", false);
    o.put("created_at", c.createdAt);
    o.put("updated_at", c.updatedAt);
    o.put("signed_up_at", c.role.equals("user") ? c.createdAt : null);
    o.put("last_seen_at", c.updatedAt);
    o.putNull("last_replied_at");
    o.putNull("last_contacted_at");
    o.putNull("last_email_opened_at");
    o.putNull("last_email_clicked_at");
    o.putNull("language_override");
    o.put("browser", "chrome");
    o.put("browser_version", "126.0.0.0");
    o.put("browser_language", "en-GB");
    o.put("os", "OS X 14.5");
    ObjectNode location = o.putObject("location");
    location.put("type", "location");
    location.put("country", c.country);
    location.putNull("region");
    location.put("city", c.city);
    location.putNull("country_code");
    location.putNull("continent_code");
    o.set("custom_attributes", attributes(c.customAttributes));
    o.set("tags", addressable(List.of(), "/contacts/" + c.id + "/tags", "tag", "/tags/"));
    o.set("notes", addressable(List.of(), "/contacts/" + c.id + "/notes", "note", "/notes/"));
    o.set(
        "companies",
        addressable(c.companyIds, "/contacts/" + c.id + "/companies", "company", "/companies/"));
    Extras.contact(o, c);
    return o;
  }

  private static ObjectNode addressable(List<String> ids, String url, String type, String itemUrl) {
    ObjectNode o = object();
    o.put("type", "list");
    ArrayNode data = o.putArray("data");
    ids.stream()
        .limit(ADDRESSABLE_LIMIT)
        .forEach(
            id -> {
              ObjectNode ref = data.addObject();
              ref.put("id", id);
              ref.put("type", type);
              ref.put("url", itemUrl + id);
            });
    o.put("url", url);
    o.put("total_count", ids.size());
    o.put("has_more", ids.size() > ADDRESSABLE_LIMIT);
    return o;
  }

  ObjectNode company(Company c) {
    ObjectNode o = object();
    o.put("type", "company");
    o.put("id", c.id);
    o.put("name", c.name);
    o.put("app_id", appId);
    ObjectNode plan = o.putObject("plan");
    plan.put("type", "plan");
    plan.put("id", String.valueOf(Math.abs(c.plan.hashCode() % 100000)));
    plan.put("name", c.plan);
    o.put("company_id", c.companyId);
    o.put("remote_created_at", c.createdAt);
    o.put("created_at", c.createdAt);
    o.put("updated_at", c.updatedAt);
    o.put("last_request_at", c.updatedAt);
    o.put("size", c.size);
    o.put("website", "https://" + c.name.toLowerCase().replace(' ', '-') + ".example");
    o.put("industry", (String) c.customAttributes.get("industry"));
    o.put("monthly_spend", ((Number) c.customAttributes.get("monthly_spend")).intValue());
    o.put("session_count", 0);
    o.put("user_count", 0);
    o.set("custom_attributes", attributes(c.customAttributes));
    ObjectNode tags = o.putObject("tags");
    tags.put("type", "tag.list");
    tags.putArray("tags");
    ObjectNode segments = o.putObject("segments");
    segments.put("type", "segment.list");
    segments.putArray("segments");
    Extras.company(o, c);
    return o;
  }

  ObjectNode segment(Model.Segment s) {
    ObjectNode o = object();
    o.put("type", "segment");
    o.put("id", s.id);
    o.put("name", s.name);
    o.put("created_at", Generator.HISTORY_END - Generator.HISTORY_SPAN);
    o.put("updated_at", Generator.HISTORY_END - Generator.HISTORY_SPAN);
    o.put("person_type", "user");
    return o;
  }
}
