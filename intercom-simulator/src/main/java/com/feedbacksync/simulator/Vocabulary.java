package com.feedbacksync.simulator;

/**
 * The words generated workspaces are made of: names, companies, tags, and what customers and admins
 * say. Only ever indexed by the generator's seeded random numbers, so changing a list changes every
 * seed's workspace.
 */
final class Vocabulary {

  private Vocabulary() {}

  static final String[] FIRST = {
    "Casey", "Robin", "Alex", "Sam", "Jordan", "Taylor", "Morgan", "Riley", "Jamie", "Avery",
    "Noor", "Mateo", "Yuki", "Amara", "Lars", "Ines", "Kofi", "Priya", "Chen", "Zofia"
  };
  static final String[] LAST = {
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
  static final String[] COMPANY_WORDS = {
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
  static final String[] TAG_NAMES = {
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
  static final String[] TOPICS = {
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
  static final String[] ADMIN_LINES = {
    "Thanks for reaching out! Could you tell me which browser you use?",
    "I've passed this to our engineers and will keep you posted.",
    "Good news: a fix is live now. Could you try again?",
    "Here is a guide that walks through it: <a href=\"https://help.example.com/articles/42\">Setting up</a>.",
    "I've applied the discount to your account."
  };
  static final String[] CUSTOMER_LINES = {
    "It happens every time, on Chrome and Firefox.",
    "That worked, <b>thank you</b>!",
    "Still broken for me, see the screenshot.",
    "Could you also check the <i>reports</i> page?",
    "We have 12 seats, if that matters."
  };
  static final String[] OUTBOUND_SUBJECTS = {
    "How is your onboarding going?",
    "Your trial ends in 3 days",
    "New: scheduled reports",
    "Tell us what you think",
    "We'd love your feedback on search"
  };
}
