package com.feedbacksync.simulator;

import com.feedbacksync.simulator.Model.Contact;
import com.feedbacksync.simulator.Model.Conversation;
import java.util.Random;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The attributes Intercom adds around a conversation and a contact that the sync keeps for
 * researchers: team assignment, the customer's rating, the page a Messenger conversation started
 * on, the SLA, the channel, the AI agent's part; a contact's tags, phone, UTM fields, social
 * profile and mobile device. Drawn from the item's own id, so the rest of the workspace (its seed's
 * random stream) stays what it was.
 */
final class Extras {

  static final String[] PAGES = {"/dashboards/42", "/reports", "/billing", "/settings/team"};
  static final String[] REMARKS = {"Quick answer, thanks", "", "Took a while", "Solved it"};

  private Extras() {}

  private static Random random(String id) {
    return new Random(id.hashCode() * 0x9E3779B97F4A7C15L + 11);
  }

  /** Adds the extra conversation fields; the defaults (none, null) were rendered before. */
  static void conversation(ObjectNode o, Conversation c) {
    Random r = random(c.id);
    if (c.kind != Model.Kind.OUTBOUND_SILENT && r.nextInt(3) == 0) {
      o.put("team_assignee_id", r.nextBoolean() ? 5017691 : 5017692);
    }
    if (c.customerOpened() && c.sourceType.equals("conversation")) {
      ((ObjectNode) o.get("source"))
          .put("url", "https://app.acme-saas.example" + PAGES[r.nextInt(PAGES.length)]);
    }
    if (c.state.equals("closed") && c.kind != Model.Kind.OUTBOUND_SILENT && r.nextInt(2) == 0) {
      ObjectNode rating = o.putObject("conversation_rating");
      rating.put("rating", 1 + r.nextInt(5));
      rating.put("remark", REMARKS[r.nextInt(REMARKS.length)]);
      rating.put("created_at", c.updatedAt);
      rating.put("updated_at", c.updatedAt);
      ObjectNode contact = rating.putObject("contact");
      contact.put("type", "contact");
      contact.put("id", c.contactId);
      contact.putNull("external_id");
      ObjectNode teammate = rating.putObject("teammate");
      teammate.put("type", "admin");
      teammate.put("id", String.valueOf(c.adminAssigneeId == 0 ? 7301245 : c.adminAssigneeId));
    }
    if (c.priority.equals("high")) {
      ObjectNode sla = o.putObject("sla_applied");
      sla.put("type", "conversation_sla_summary");
      sla.put("sla_name", "Premium 1h first response");
      sla.put("sla_status", r.nextBoolean() ? "hit" : "missed");
    }
    ObjectNode channel = o.putObject("channel");
    String initial = c.sourceType.equals("email") ? "email" : "messenger";
    channel.put("initial", initial);
    channel.put("current", initial);
    if (c.customerOpened() && r.nextInt(4) == 0) {
      o.put("ai_agent_participated", true);
      ObjectNode ai = o.putObject("ai_agent");
      ai.put("source_type", "workflow");
      ai.put("source_title", "Support triage");
      ai.put("last_answer_type", "ai_answer");
      ai.put("resolution_state", r.nextBoolean() ? "escalated" : "assumed_resolution");
      ai.putNull("rating");
      ai.putNull("rating_remark");
      ai.put("created_at", c.createdAt);
      ai.put("updated_at", c.createdAt);
      ObjectNode sources = ai.putObject("content_sources");
      sources.put("type", "content_source.list");
      sources.put("total_count", 0);
      sources.putArray("content_sources");
    }
  }

  /** Tags every other company (with the tag's name, as Intercom lists a company's tags). */
  static void company(ObjectNode o, Model.Company c) {
    if (c.companyId.hashCode() % 2 != 0) {
      ObjectNode tag = ((ObjectNode) o.get("tags")).putArray("tags").addObject();
      tag.put("type", "tag");
      tag.put("id", "9200");
      tag.put("name", "enterprise-prospect");
    }
  }

  /** Adds a contact's tags, phone, UTM fields, social profile and device, for some contacts. */
  static void contact(ObjectNode o, Contact c) {
    Random r = random(c.id);
    if (r.nextInt(3) == 0) {
      o.put("phone", "+353 1 555 " + (1000 + r.nextInt(9000)));
    }
    if (r.nextInt(2) == 0) {
      ArrayNode data = ((ObjectNode) o.get("tags")).putArray("data");
      String id = String.valueOf(9100 + r.nextInt(3));
      ObjectNode tag = data.addObject();
      tag.put("type", "tag");
      tag.put("id", id);
      tag.put("url", "/tags/" + id);
      ((ObjectNode) o.get("tags")).put("total_count", 1);
      o.put("utm_source", new String[] {"webinar", "google", "newsletter"}[r.nextInt(3)]);
      o.put("utm_medium", "cpc");
      o.put("utm_campaign", "spring-" + (2025 + r.nextInt(2)));
      o.put("referrer", "https://www.acme-saas.example/webinars");
    }
    if (r.nextInt(4) == 0) {
      ObjectNode profile = ((ObjectNode) o.get("social_profiles")).putArray("data").addObject();
      profile.put("type", "social_profile");
      profile.put("name", "Twitter");
      profile.put("url", "https://twitter.com/" + c.id.substring(0, 8));
      o.put("ios_device", "iPhone15,2");
      o.put("ios_app_version", "5.1." + r.nextInt(4));
      o.put("ios_last_seen_at", c.updatedAt);
    }
  }
}
