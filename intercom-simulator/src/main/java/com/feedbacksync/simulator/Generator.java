package com.feedbacksync.simulator;

import com.feedbacksync.simulator.Model.Admin;
import com.feedbacksync.simulator.Model.AppliedTag;
import com.feedbacksync.simulator.Model.Company;
import com.feedbacksync.simulator.Model.Contact;
import com.feedbacksync.simulator.Model.Conversation;
import com.feedbacksync.simulator.Model.FileRef;
import com.feedbacksync.simulator.Model.Kind;
import com.feedbacksync.simulator.Model.Part;
import com.feedbacksync.simulator.Model.Segment;
import com.feedbacksync.simulator.Model.TagDef;
import com.feedbacksync.simulator.Model.Team;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates a workspace from a seed. Conversation parts are not stored: they are derived again from
 * the seed and the conversation's index whenever they are needed, which keeps 100,000 conversations
 * with long threads in a few tens of megabytes.
 */
final class Generator {

  /** The generated history ends here (July 2026); live changes happen at the simulator's clock. */
  static final long HISTORY_END = 1_785_000_000L;

  static final long HISTORY_SPAN = 2L * 365 * 24 * 3600;

  private static final String[] FIRST = {
    "Casey", "Robin", "Alex", "Sam", "Jordan", "Taylor", "Morgan", "Riley", "Jamie", "Avery",
    "Noor", "Mateo", "Yuki", "Amara", "Lars", "Ines", "Kofi", "Priya", "Chen", "Zofia"
  };
  private static final String[] LAST = {
    "Customer",
    "Prospect",
    "Okafor",
    "Schmidt",
    "Rossi",
    "Tanaka",
    "Silva",
    "Novak",
    "Haddad",
    "Moreau",
    "Kowalski",
    "Larsen",
    "Ibrahim",
    "Nguyen",
    "Costa"
  };
  private static final String[] COMPANY_WORDS = {
    "Acme",
    "Globex",
    "Initech",
    "Umbrella",
    "Hooli",
    "Vandelay",
    "Stark",
    "Wayne",
    "Wonka",
    "Tyrell",
    "Cyberdyne",
    "Soylent",
    "Aperture",
    "Gringotts",
    "Monarch"
  };
  private static final String[] TAG_NAMES = {
    "bug",
    "feature-request",
    "pricing",
    "onboarding",
    "billing",
    "export",
    "integrations",
    "performance",
    "ux",
    "mobile",
    "api",
    "security",
    "churn-risk",
    "praise",
    "charts",
    "permissions",
    "notifications",
    "search",
    "reporting",
    "sso"
  };
  private static final String[] TOPICS = {
    "the CSV export times out when I pick more than 3 months",
    "I can't find where to invite my team",
    "is there a discount for nonprofits?",
    "the chart legend overlaps the axis",
    "SSO login loops back to the sign-in page",
    "we'd love a dark mode",
    "the mobile app crashes when I open a report",
    "how do I connect Slack?",
    "our invoice shows the wrong VAT number",
    "search doesn't find notes older than a year"
  };
  private static final String[] ADMIN_LINES = {
    "Thanks for reaching out! Could you tell me which browser you use?",
    "I've passed this to our engineers and will keep you posted.",
    "Good news: a fix is live now. Could you try again?",
    "Here is a guide that walks through it: <a href=\"https://help.example.com/articles/42\">Setting up</a>.",
    "I've applied the discount to your account."
  };
  private static final String[] CUSTOMER_LINES = {
    "It happens every time, on Chrome and Firefox.",
    "That worked, <b>thank you</b>!",
    "Still broken for me, see the screenshot.",
    "Could you also check the <i>reports</i> page?",
    "We have 12 seats, if that matters."
  };
  private static final String[] OUTBOUND_SUBJECTS = {
    "How is your onboarding going?",
    "Your trial ends in 3 days",
    "New: scheduled reports",
    "Tell us what you think",
    "We'd love your feedback on search"
  };

  private final WorkspaceSpec spec;
  final List<Admin> admins = new ArrayList<>();
  final List<Team> teams = new ArrayList<>();
  final List<TagDef> tags = new ArrayList<>();
  final List<Segment> segments = new ArrayList<>();
  final List<Company> companies = new ArrayList<>();
  final List<Contact> contacts = new ArrayList<>();
  final List<Conversation> conversations = new ArrayList<>();
  private final Map<String, Contact> contactsById = new HashMap<>();

  Generator(WorkspaceSpec spec) {
    this.spec = spec;
  }

  Generator generate() {
    Random r = new Random(spec.seed());
    for (int i = 0; i < 5; i++) {
      String first = FIRST[i];
      admins.add(
          new Admin(
              String.valueOf(7301245 + i),
              first + " Support",
              first.toLowerCase() + "@acme-saas.example"));
    }
    teams.add(new Team("5017691", "Support", List.of(admins.get(0).id(), admins.get(1).id())));
    teams.add(new Team("5017692", "Success", List.of(admins.get(2).id(), admins.get(3).id())));
    for (int i = 0; i < TAG_NAMES.length; i++) {
      tags.add(new TagDef(String.valueOf(9001 + i), TAG_NAMES[i]));
    }
    String[] segmentNames = {"Active", "Power users", "New signups", "At risk"};
    for (int i = 0; i < segmentNames.length; i++) {
      segments.add(new Segment("5f3c" + hex(r, 20), segmentNames[i]));
    }
    for (int i = 0; i < spec.companies(); i++) {
      String name =
          COMPANY_WORDS[i % COMPANY_WORDS.length]
              + (i < COMPANY_WORDS.length ? "" : " " + (i / COMPANY_WORDS.length + 1));
      Company c =
          new Company(
              hex(r, 24),
              "company-" + (i + 1),
              name,
              new String[] {"Starter", "Pro", "Enterprise"}[r.nextInt(3)],
              5 + r.nextInt(2000),
              HISTORY_END - HISTORY_SPAN - r.nextInt(86400 * 365));
      c.updatedAt = c.createdAt + r.nextInt((int) (HISTORY_SPAN / 2));
      c.customAttributes.put(
          "industry", new String[] {"Software", "Retail", "Health", "Finance"}[r.nextInt(4)]);
      c.customAttributes.put("monthly_spend", 100 + r.nextInt(9000) + r.nextInt(100) / 100.0);
      c.customAttributes.put("churn_risk", r.nextBoolean());
      companies.add(c);
    }
    for (int i = 0; i < spec.contacts(); i++) {
      String first = FIRST[r.nextInt(FIRST.length)];
      String last = LAST[r.nextInt(LAST.length)];
      boolean lead = r.nextInt(10) < 3;
      long created = HISTORY_END - HISTORY_SPAN - r.nextInt(86400 * 200);
      Contact c =
          new Contact(
              hex(r, 24),
              lead ? "lead" : "user",
              lead ? null : "user-" + (1000 + i),
              first + " " + last,
              (first + "." + last + i).toLowerCase() + "@example.com",
              created,
              new String[] {"Dublin", "Berlin", "Lisbon", "Austin", "Sydney"}[r.nextInt(5)],
              new String[] {"Ireland", "Germany", "Portugal", "United States", "Australia"}
                  [r.nextInt(5)]);
      c.updatedAt = created + r.nextInt((int) HISTORY_SPAN);
      c.customAttributes.put("plan", new String[] {"Free", "Pro", "Business"}[r.nextInt(3)]);
      c.customAttributes.put("seats", 1 + r.nextInt(50));
      c.customAttributes.put("trial_converted", r.nextBoolean());
      c.customAttributes.put("renewal_date", HISTORY_END + r.nextInt(86400 * 365));
      int companyCount = lead ? 0 : r.nextInt(3);
      for (int k = 0; k < companyCount; k++) {
        String id = companies.get(r.nextInt(companies.size())).id;
        if (!c.companyIds.contains(id)) {
          c.companyIds.add(id);
        }
      }
      for (Segment s : segments) {
        if (r.nextInt(3) == 0) {
          c.segmentIds.add(s.id);
        }
      }
      contacts.add(c);
      contactsById.put(c.id, c);
    }
    long step = spec.conversations() == 0 ? 1 : Math.max(1, HISTORY_SPAN / spec.conversations());
    long id = 215_474_154_200_000L;
    for (int i = 0; i < spec.conversations(); i++) {
      id += 1 + r.nextInt(16);
      long created =
          HISTORY_END
              - HISTORY_SPAN
              + i * step
              + r.nextInt((int) Math.min(step, Integer.MAX_VALUE));
      conversations.add(conversation(i, String.valueOf(id), created, r));
    }
    return this;
  }

  private Conversation conversation(int index, String id, long created, Random r) {
    double roll = r.nextDouble();
    Kind kind =
        roll < spec.outboundSilentShare()
            ? Kind.OUTBOUND_SILENT
            : roll < spec.outboundSilentShare() + spec.outboundRepliedShare()
                ? Kind.OUTBOUND_REPLIED
                : Kind.CUSTOMER_INITIATED;
    Contact contact = contacts.get(r.nextInt(contacts.size()));
    Admin admin = admins.get(r.nextInt(admins.size()));
    int parts = partCount(r, kind);
    Conversation c;
    if (kind == Kind.CUSTOMER_INITIATED) {
      String topic = TOPICS[r.nextInt(TOPICS.length)];
      String body = "<p>Hi! " + capitalize(topic) + ".</p>";
      boolean image = r.nextDouble() < spec.inlineImageShare();
      c =
          new Conversation(
              index,
              id,
              kind,
              created,
              "customer_initiated",
              r.nextInt(4) == 0 ? "email" : "conversation",
              contact.role,
              contact.id,
              contact.id,
              r.nextInt(5) == 0 ? capitalize(topic) : null,
              "",
              image ? body + inlineImage(id, "source") : body,
              parts);
      if (r.nextDouble() < spec.inlineImageShare()) {
        c.sourceAttachments.add(
            new FileRef(id + "-source-csv", "export.csv", "text/csv", 1824, null, null));
      }
    } else {
      String subject = OUTBOUND_SUBJECTS[r.nextInt(OUTBOUND_SUBJECTS.length)];
      String deliveredAs =
          new String[] {"admin_initiated", "automated", "operator_initiated"}[r.nextInt(3)];
      String authorType = deliveredAs.equals("operator_initiated") ? "bot" : "admin";
      c =
          new Conversation(
              index,
              id,
              kind,
              created,
              deliveredAs,
              "email",
              authorType,
              admin.id(),
              contact.id,
              null,
              subject,
              "<p>Hi "
                  + contact.name.split(" ")[0]
                  + ",</p><p>"
                  + subject
                  + " Reply to this email any time.</p>",
              parts);
    }
    c.state =
        kind == Kind.OUTBOUND_SILENT
            ? "closed"
            : new String[] {"open", "closed", "closed", "snoozed"}[r.nextInt(4)];
    c.read = r.nextBoolean();
    c.priority = r.nextInt(10) == 0 ? "high" : "none";
    c.adminAssigneeId = kind == Kind.OUTBOUND_SILENT ? 0 : Long.parseLong(admin.id());
    int tagCount = kind == Kind.OUTBOUND_SILENT ? 0 : r.nextInt(4);
    for (int k = 0; k < tagCount; k++) {
      Model.TagDef t = tags.get(r.nextInt(tags.size()));
      if (c.tags.stream().noneMatch(x -> x.id().equals(t.id()))) {
        c.tags.add(new AppliedTag(t.id(), t.name(), created + 60 + k, "admin", admin.id()));
      }
    }
    if (kind != Kind.OUTBOUND_SILENT) {
      c.customAttributes.put(
          "Product area",
          new String[] {"Dashboards", "Reports", "Billing", "Mobile"}[r.nextInt(4)]);
      c.customAttributes.put("Severity", 1 + r.nextInt(4));
      c.customAttributes.put("Is regression", r.nextBoolean());
      if (r.nextInt(4) == 0) {
        c.customAttributes.put("Refund amount", r.nextInt(20000) / 100.0);
      }
    }
    List<Part> generated = parts(c);
    long last = created;
    for (Part p : generated) {
      last = Math.max(last, p.createdAt());
    }
    c.updatedAt = last;
    recomputeStatistics(c, generated);
    return c;
  }

  private int partCount(Random r, Kind kind) {
    double roll = r.nextDouble();
    if (kind != Kind.OUTBOUND_SILENT && roll < spec.longThreadShare()) {
      return 501 + r.nextInt(150);
    }
    if (roll < 0.05) {
      return spec.meanParts() * 3 + r.nextInt(spec.meanParts() * 4);
    }
    int n = 1 + r.nextInt(Math.max(1, spec.meanParts() * 2 - 1));
    return kind == Kind.OUTBOUND_SILENT ? Math.min(n, 2) : n;
  }

  /** The conversation's generated parts, oldest first, always the same for the same seed. */
  List<Part> parts(Conversation c) {
    Random r = new Random(spec.seed() * 1_000_003L + c.index * 0x9E3779B97F4A7C15L);
    List<Part> parts = new ArrayList<>(c.generatedParts);
    Contact contact = contactById(c.contactId);
    Admin admin = admins.get(r.nextInt(admins.size()));
    // An answered outbound gets its customer's reply at a random place; the thread alternates after
    // it.
    int customerReplyAt =
        c.kind == Kind.OUTBOUND_REPLIED
            ? r.nextInt(Math.max(1, Math.min(c.generatedParts, 6)))
            : -1;
    long t = c.createdAt;
    for (int k = 0; k < c.generatedParts; k++) {
      t += 30 + r.nextInt(7200);
      String partId = String.valueOf(31_890_000_000L + c.index * 1000L + k + 1);
      // In threads longer than Intercom returns, the one customer reply sits among the oldest
      // parts,
      // so only Intercom's own record of it (statistics) can tell it was there.
      boolean longThread = c.generatedParts > 500;
      boolean customerTurn =
          c.kind != Kind.OUTBOUND_SILENT
              && (k == customerReplyAt || (!longThread && k > customerReplyAt && k % 2 == 1));
      if (k == c.generatedParts - 1
          && c.state != null
          && c.state.equals("closed")
          && k > 0
          && k != customerReplyAt) {
        parts.add(event(partId, "close", admin, t, "closed"));
        continue;
      }
      if (customerTurn) {
        List<FileRef> files = new ArrayList<>();
        String body = "<p>" + CUSTOMER_LINES[r.nextInt(CUSTOMER_LINES.length)] + "</p>";
        if (r.nextDouble() < spec.inlineImageShare()) {
          if (r.nextBoolean()) {
            body += inlineImage(c.id, partId);
          } else {
            files.add(
                new FileRef(
                    c.id + "-" + partId + "-png",
                    "screenshot.png",
                    "image/png",
                    Pngs.TINY.length,
                    1,
                    1));
          }
        }
        List<AppliedTag> partTags =
            r.nextInt(20) == 0 ? List.of(tagBasic(tags.get(r.nextInt(tags.size())))) : List.of();
        parts.add(
            new Part(
                partId,
                "comment",
                contact.role,
                contact.id,
                contact.name,
                contact.email,
                body,
                t,
                partTags,
                files,
                false,
                "open"));
        continue;
      }
      int roll = r.nextInt(10);
      if (roll < 6 || c.kind == Kind.OUTBOUND_SILENT) {
        boolean bot = r.nextInt(8) == 0;
        String body = "<p>" + ADMIN_LINES[r.nextInt(ADMIN_LINES.length)] + "</p>";
        List<AppliedTag> partTags =
            r.nextInt(20) == 0 ? List.of(tagBasic(tags.get(r.nextInt(tags.size())))) : List.of();
        parts.add(
            bot
                ? new Part(
                    partId,
                    "comment",
                    "bot",
                    "7301200",
                    "Fin",
                    "operator+abc12345@intercom.io",
                    body,
                    t,
                    partTags,
                    List.of(),
                    false,
                    "open")
                : new Part(
                    partId,
                    "comment",
                    "admin",
                    admin.id(),
                    admin.name(),
                    admin.email(),
                    body,
                    t,
                    partTags,
                    List.of(),
                    false,
                    "open"));
      } else if (roll < 8) {
        parts.add(
            new Part(
                partId,
                "note",
                "admin",
                admin.id(),
                admin.name(),
                admin.email(),
                "<p>Internal: see ENG-" + (1000 + r.nextInt(9000)) + ".</p>",
                t,
                List.of(),
                List.of(),
                false,
                "open"));
      } else if (roll < 9) {
        parts.add(event(partId, "assignment", admin, t, "open"));
      } else {
        // A customer's click on a bot's button: not customer-written text.
        parts.add(
            new Part(
                partId,
                "quick_reply",
                contact.role,
                contact.id,
                contact.name,
                contact.email,
                "<p>Yes</p>",
                t,
                List.of(),
                List.of(),
                false,
                "open"));
      }
    }
    return parts;
  }

  private static Part event(String id, String type, Admin admin, long t, String state) {
    return new Part(
        id,
        type,
        "admin",
        admin.id(),
        admin.name(),
        admin.email(),
        null,
        t,
        List.of(),
        List.of(),
        false,
        state);
  }

  static void recomputeStatistics(Conversation c, List<Part> all) {
    Long first = c.customerOpened() ? c.createdAt : null;
    Long lastContact = first;
    Long lastAdmin = null;
    for (Part p : all) {
      if (p.isCustomerComment()) {
        first = first == null ? p.createdAt() : Math.min(first, p.createdAt());
        lastContact = lastContact == null ? p.createdAt() : Math.max(lastContact, p.createdAt());
      } else if (p.partType().equals("comment")
          && (p.authorType().equals("admin") || p.authorType().equals("bot"))) {
        lastAdmin = lastAdmin == null ? p.createdAt() : Math.max(lastAdmin, p.createdAt());
      }
    }
    c.firstContactReplyAt = first;
    c.lastContactReplyAt = lastContact;
    c.lastAdminReplyAt = lastAdmin;
  }

  private static AppliedTag tagBasic(TagDef t) {
    return new AppliedTag(t.id(), t.name(), null, null, null);
  }

  private static String inlineImage(String conversationId, String where) {
    return "<div class=\"intercom-container\"><img src=\"{{file:"
        + conversationId
        + "-"
        + where
        + "-img}}\"></div>";
  }

  Contact contactById(String id) {
    Contact c = contactsById.get(id);
    if (c == null) {
      throw new IllegalStateException("no contact " + id);
    }
    return c;
  }

  private static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  static String hex(Random r, int length) {
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append(Character.forDigit(r.nextInt(16), 16));
    }
    return b.toString();
  }
}
