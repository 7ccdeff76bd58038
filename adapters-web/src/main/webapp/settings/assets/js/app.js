// Settings › Integrations › Intercom: signs in from the URL fragment, then shows the integration,
// the documents and the customers, all read from the admin API.

import { adoptTokenFromFragment, currentSession, forgetToken } from "./session.js";
import { whenUnauthorized } from "./api.js";
import { $ } from "./dom.js";
import { IntegrationPanel, describeOutcome } from "./integration.js";
import { DocumentsPanel } from "./documents.js";
import { CustomersPanel } from "./customers.js";

const SIGN_IN = {
  missing:
    "This page needs your sign-in from your research repository. Open Settings › Integrations › Intercom there; it brings you here signed in.",
  invalid:
    "The sign-in this page was opened with is not valid. Open Settings › Integrations › Intercom again from your research repository.",
  expired:
    "Your sign-in has expired (it lasts a few minutes for your safety). Open Settings › Integrations › Intercom again from your research repository.",
};

function notify(tone, message) {
  const notice = $("notice");
  notice.className = "notice notice-" + tone;
  notice.textContent = message;
  notice.hidden = false;
}

function signIn(problem) {
  forgetToken();
  $("app").hidden = true;
  $("who").textContent = "";
  $("signin-text").textContent = SIGN_IN[problem] || SIGN_IN.missing;
  $("signin").hidden = false;
}

function setUpTabs(onShow) {
  const tabs = Array.from(document.querySelectorAll('[role="tab"]'));
  const select = (tab, focus) => {
    for (const t of tabs) {
      const selected = t === tab;
      t.setAttribute("aria-selected", String(selected));
      t.tabIndex = selected ? 0 : -1;
      $(t.getAttribute("aria-controls")).hidden = !selected;
    }
    if (focus) {
      tab.focus();
    }
    onShow(tab.id);
  };
  tabs.forEach((tab, i) => {
    tab.addEventListener("click", () => select(tab, false));
    tab.addEventListener("keydown", (event) => {
      const moves = { ArrowRight: 1, ArrowLeft: -1 };
      if (event.key in moves) {
        select(tabs[(i + moves[event.key] + tabs.length) % tabs.length], true);
        event.preventDefault();
      } else if (event.key === "Home" || event.key === "End") {
        select(tabs[event.key === "Home" ? 0 : tabs.length - 1], true);
        event.preventDefault();
      }
    });
  });
}

function start() {
  adoptTokenFromFragment();
  const outcome = new URLSearchParams(location.search).get("outcome");
  if (outcome) {
    const [tone, words] = describeOutcome(outcome);
    notify(tone, words);
    history.replaceState(null, "", location.pathname);
  }
  const session = currentSession();
  if (!session.token) {
    signIn(session.problem);
    return;
  }
  whenUnauthorized(signIn);
  if (session.expiresAt) {
    // The page says so when the sign-in runs out, rather than failing at the next click.
    setTimeout(() => signIn("expired"), Math.max(0, session.expiresAt - Date.now()));
  }
  const role = session.admin ? "admin" : "member (read-only)";
  $("who").textContent = `${session.user} · ${role}`;
  $("app").hidden = false;

  const customers = new CustomersPanel({ notify });
  const documents = new DocumentsPanel({
    notify,
    openCustomer: (id) => {
      $("tab-customers").click();
      customers.open(id);
    },
  });
  let documentsLoaded = false;
  let customersLoaded = false;
  const integration = new IntegrationPanel({
    admin: session.admin,
    user: session.user,
    accountId: session.account,
    notify,
    // Which account this sign-in acts for stays in sight on every tab.
    onAccount: (account) => {
      const which = account ? `${account.name} (${account.id})` : session.account;
      $("who").textContent = `${session.user} · ${role} · ${which}`;
    },
    onDataChanged: () => {
      documentsLoaded = false;
      customersLoaded = false;
      if (!$("panel-documents").hidden) {
        documents.load();
        documentsLoaded = true;
      }
    },
  });
  setUpTabs((id) => {
    if (id === "tab-documents" && !documentsLoaded) {
      documentsLoaded = true;
      documents.load();
    }
    if (id === "tab-customers" && !customersLoaded) {
      customersLoaded = true;
      customers.load();
    }
  });
  integration.start();
}

// Opened again with a new sign-in while this tab shows the page: start over with it.
window.addEventListener("hashchange", () => {
  if (new URLSearchParams(location.hash.replace(/^#/, "")).has("token")) {
    adoptTokenFromFragment();
    location.reload();
  }
});

start();
