package com.feedbacksync.simulator;

import static com.feedbacksync.simulator.Vocabulary.COMPANY_WORDS;
import static com.feedbacksync.simulator.Vocabulary.FIRST;
import static com.feedbacksync.simulator.Vocabulary.LAST;
import static com.feedbacksync.simulator.Vocabulary.OUTBOUND_SUBJECTS;
import static com.feedbacksync.simulator.Vocabulary.TAG_NAMES;
import static com.feedbacksync.simulator.Vocabulary.TOPICS;

import com.feedbacksync.simulator.Model.Admin;
import com.feedbacksync.simulator.Model.AppliedTag;
import com.feedbacksync.simulator.Model.Company;
import com.feedbacksync.simulator.Model.Contact;
import com.feedbacksync.simulator.Model.Conversation;
import com.feedbacksync.simulator.Model.Dispute;
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

  private final WorkspaceSpec spec;
  final List<Admin> admins = new ArrayList<>();
  final List<Team> teams = new ArrayList<>();
  final List<TagDef> tags = new ArrayList<>();
  final List<Segment> segments = new ArrayList<>();
  final List<Company> companies = new ArrayList<>();
  final List<Contact> contacts = new ArrayList<>();
  final List<Conversation> conversations = new ArrayList<>();
  private final Map<String, Contact> contactsById = new HashMap<>();
  private final PartGenerator partGenerator;

  Generator(WorkspaceSpec spec) {
    this.spec = spec;
    // The lists fill in generate(); the part generator reads them only after.
    this.partGenerator = new PartGenerator(spec, admins, tags, this::contactById);
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
              image ? body + PartGenerator.inlineImage(id, "source") : body,
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
    c.dispute = dispute(index, kind, parts);
    List<Part> generated = partGenerator.parts(c);
    long last = created;
    for (Part p : generated) {
      last = Math.max(last, p.createdAt());
    }
    c.updatedAt = last;
    c.recomputeStatistics(generated);
    return c;
  }

  /**
   * One outbound conversation in five carries a dispute (its own random stream, so the rest of the
   * workspace is what it was for the seed). Threads longer than Intercom returns carry none: their
   * customer reply is cut off and the statistics must decide there.
   */
  private Dispute dispute(int index, Kind kind, int parts) {
    if (kind == Kind.CUSTOMER_INITIATED || parts > ConversationRender.PART_CAP) {
      return Dispute.NONE;
    }
    Random r = new Random(spec.seed() * 0x2545F4914F6CDD1DL + index * 31L + 7);
    if (r.nextInt(5) != 0) {
      return Dispute.NONE;
    }
    return kind == Kind.OUTBOUND_REPLIED
        ? new Dispute[] {
              Dispute.ATTACHMENT_ONLY_REPLY, Dispute.REDACTED_REPLY, Dispute.REOPENING_REPLY
            }
            [r.nextInt(3)]
        : new Dispute[] {Dispute.PHANTOM_STATISTICS, Dispute.BLANK_CUSTOMER_COMMENT}[r.nextInt(2)];
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
    return partGenerator.parts(c);
  }

  private Contact contactById(String id) {
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
