// The integration panel: connection, plan, the running sync's progress, runs, skipped
// conversations, and the admin's actions (connect, sync now, disconnect).

import { api, ApiError } from "./api.js";
import { $, h, text, when, timeElement, duration, number } from "./dom.js";

const REGIONS = { US: "United States", EU: "Europe", AU: "Australia" };

const KINDS = {
  FIRST: "First sync",
  HOURLY: "Hourly",
  BACKFILL: "Backfill",
  CUSTOMERS: "Customers",
  WEBHOOK: "Webhook",
};

const STATES = {
  RUNNING: "Running",
  COMPLETED: "Completed",
  FAILED: "Failed",
  NEEDS_REAUTH: "Needs reconnecting",
  SKIPPED: "Skipped",
  CANCELLED: "Cancelled",
};

const REASONS = {
  NO_CUSTOMER_REPLY: "No reply from a customer",
  UNREADABLE: "Unreadable after several tries",
};

/** What the OAuth redirect's outcome code means, in words. */
export const OUTCOMES = {
  connected: ["success", "Intercom is connected. The first sync has started."],
  plan_restricted: [
    "error",
    "This Intercom workspace's plan has no API access (Intercom's Free and Lite plans). Upgrade it in Intercom, then connect again.",
  ],
  refused: [
    "error",
    "Intercom did not accept the authorization. Connect again and allow access when Intercom asks.",
  ],
  access_denied: [
    "error",
    "Access was not allowed on Intercom's page. Connect again and click Allow to sync.",
  ],
  missing_permission: [
    "error",
    "Intercom refused access for a missing permission. Connect again and allow every permission Intercom asks for.",
  ],
  expired_state: [
    "error",
    "This Intercom authorization took too long (more than ten minutes). Connect again.",
  ],
  unknown_state: [
    "error",
    "This Intercom authorization is unknown or was already used. Connect again from this page.",
  ],
  other_admin: ["error", "Another admin started this connection. Connect again."],
  no_code: ["error", "Intercom did not send an authorization code. Connect again."],
  intercom_unavailable: [
    "error",
    "Intercom did not answer properly. Try connecting again in a few minutes.",
  ],
};

export function describeOutcome(code) {
  return OUTCOMES[code] || ["error", "Connecting Intercom did not finish. Connect again."];
}

/** What an admin can do about a last error, by what it says. */
function advice(error) {
  const e = error.toLowerCase();
  if (e.includes("rate limit")) {
    return "Intercom asked us to slow down; the next sync picks up where this one stopped.";
  }
  if (e.includes("permission") || e.includes("401") || e.includes("revoked")) {
    return "Reconnect Intercom and allow every permission it asks for.";
  }
  return "Nothing is lost: the next sync retries from where this one stopped. If it keeps failing, use Sync now later or reconnect.";
}

/**
 * Opens a confirmation afresh: by the HTML standard a dialog keeps its returnValue from the last
 * time and Escape closes it without setting one, so in a browser that follows it to the letter a
 * second dialog dismissed with Escape would count as confirmed (Chromium clears it itself).
 */
function openDialog(dialog) {
  dialog.returnValue = "";
  dialog.showModal();
}

export class IntegrationPanel {
  constructor({ admin, user, accountId, notify, onDataChanged, onAccount }) {
    this.admin = admin;
    this.user = user;
    this.accountId = accountId;
    this.onAccount = onAccount;
    this.notify = notify;
    this.onDataChanged = onDataChanged;
    this.timer = null;
    this.skippedCursor = null;
    this.account = null;
    for (const b of document.querySelectorAll(".admin-only")) {
      b.hidden = true;
    }
    $("read-only-note").hidden = admin;
    if (admin) {
      $("connect").addEventListener("click", () => this.askConnect());
      $("reconnect").addEventListener("click", () => this.askConnect());
      $("connect-dialog").addEventListener("close", () => this.connectChosen());
      $("sync-now").addEventListener("click", () => this.syncNow());
      $("disconnect").addEventListener("click", () => this.askDisconnect());
      $("disconnect-dialog").addEventListener("close", () => this.disconnectChosen());
    }
    $("skipped-more").addEventListener("click", () => this.loadSkipped(true));
  }

  async start() {
    try {
      this.account = await api("account");
    } catch (e) {
      this.account = null;
    }
    this.onAccount(this.account);
    await this.refresh();
    await this.loadSkipped(false);
  }

  async refresh() {
    clearTimeout(this.timer);
    let status;
    try {
      status = await api("integrations/intercom");
    } catch (e) {
      if (e instanceof ApiError && e.status !== 401) {
        this.notify("error", "The integration's status could not be loaded: " + e.message);
      }
      return;
    }
    this.render(status);
    // While a sync runs (or the first one is due), the panel follows it by itself.
    const busy = status.progress || (status.state === "CONNECTED" && !status.historyComplete);
    this.timer = setTimeout(() => this.refresh(), busy ? 1000 : 30000);
    if (this.wasBusy && !busy) {
      this.onDataChanged();
    }
    this.wasBusy = busy;
  }

  render(s) {
    const connected = s.state === "CONNECTED" || s.state === "NEEDS_REAUTH";
    const badge = $("connection-state");
    badge.textContent =
      s.state === "CONNECTED" ? "Connected" : s.state === "NEEDS_REAUTH" ? "Needs reconnecting" : "Not connected";
    badge.className = "badge " + (s.state === "CONNECTED" ? "badge-success" : s.state === "NEEDS_REAUTH" ? "badge-warning" : "badge-neutral");
    badge.dataset.state = s.state;
    text("workspace-name", s.workspace?.name);
    text("workspace-region", s.workspace ? `${REGIONS[s.workspace.region] || s.workspace.region} (${s.workspace.region})` : null);
    text("connected-by", s.connectedBy);
    text("connected-at", s.connectedAt ? when(s.connectedAt) : null);
    $("plan-text").textContent = this.planText(s);
    $("reauth-banner").hidden = s.state !== "NEEDS_REAUTH";
    if (this.admin) {
      $("connect").hidden = connected;
      $("reconnect").hidden = s.state !== "NEEDS_REAUTH";
      $("sync-now").hidden = s.state !== "CONNECTED";
      $("sync-now").disabled = Boolean(s.progress);
      $("disconnect").hidden = !connected;
    }
    $("sync-card").hidden = !connected && !s.lastSync;
    this.renderProgress(s);
    text("last-sync", s.lastSync ? when(s.lastSync) : null);
    text("next-sync", connected && s.nextSync ? when(s.nextSync) : s.state === "NEEDS_REAUTH" ? "Paused until you reconnect" : null);
    $("last-error").hidden = !s.lastError;
    if (s.lastError) {
      $("last-error-text").textContent = s.lastError;
      $("last-error-advice").textContent = advice(s.lastError);
    }
    this.renderRuns(s.runs || []);
  }

  planText(s) {
    const plan = this.account?.plan;
    if (s.progress?.phase === "BACKFILL") {
      return "Paid plan: all your history. Your older conversations are being backfilled since the upgrade.";
    }
    if (plan === "START") {
      return "Start plan: your 5,000 most recent conversations, and every new one from then on.";
    }
    if (plan === "PAID") {
      return "Paid plan: all your history, and every new conversation.";
    }
    return "—";
  }

  renderProgress(s) {
    const box = $("sync-progress");
    const bar = $("progress-bar");
    const p = s.progress;
    if (p && (p.phase === "FIRST" || p.phase === "BACKFILL")) {
      box.hidden = false;
      box.dataset.state = "running";
      $("progress-phase").textContent = p.phase === "FIRST" ? "First sync in progress" : "Backfill in progress";
      if (p.total > 0) {
        bar.max = p.total;
        bar.value = Math.min(p.done, p.total);
        const percent = Math.floor((100 * Math.min(p.done, p.total)) / p.total);
        bar.setAttribute("aria-valuetext", `${percent} percent`);
        $("progress-text").textContent = `${number(p.done)} of ${number(p.total)} conversations (${percent} %)`;
      } else {
        bar.removeAttribute("value");
        $("progress-text").textContent = "Counting your conversations…";
      }
      $("progress-eta").textContent = p.etaSeconds !== null && p.etaSeconds !== undefined ? `${duration(p.etaSeconds)} left` : "";
      return;
    }
    if (p) {
      box.hidden = false;
      box.dataset.state = "running";
      $("progress-phase").textContent = `${KINDS[p.phase] || p.phase} sync running`;
      bar.removeAttribute("value");
      $("progress-eta").textContent = "";
      $("progress-text").textContent = `${number(p.done)} done so far`;
      return;
    }
    if (s.state === "CONNECTED" && s.historyComplete) {
      box.hidden = false;
      box.dataset.state = "done";
      $("progress-phase").textContent = "History synced";
      bar.max = 1;
      bar.value = 1;
      bar.setAttribute("aria-valuetext", "done");
      $("progress-eta").textContent = "";
      $("progress-text").textContent = "Everything is synced; new conversations follow every hour.";
      return;
    }
    if (s.state === "CONNECTED") {
      box.hidden = false;
      box.dataset.state = "waiting";
      $("progress-phase").textContent = "The first sync is starting";
      bar.removeAttribute("value");
      $("progress-eta").textContent = "";
      $("progress-text").textContent = "";
      return;
    }
    box.hidden = true;
    box.dataset.state = "idle";
  }

  renderRuns(runs) {
    const table = $("runs");
    const body = table.tBodies[0];
    body.replaceChildren(
      ...runs.map((r) =>
        h(
          "tr",
          { dataset: { state: r.state } },
          h("th", { scope: "row" }, KINDS[r.kind] || r.kind),
          h("td", {}, h("span", { className: "badge badge-" + runTone(r.state) }, STATES[r.state] || r.state), r.error ? h("div", { className: "run-error" }, r.error) : null),
          h("td", {}, timeElement(r.startedAt)),
          h("td", {}, r.finishedAt ? duration((new Date(r.finishedAt) - new Date(r.startedAt)) / 1000) : "running"),
          ...[r.fetched, r.kept, r.skippedWithoutReply, r.resynced, r.unchanged, r.deleted, r.profiles, r.apiCalls].map((n) => h("td", { className: "num" }, number(n)))
        )
      )
    );
    table.hidden = runs.length === 0;
    $("runs-empty").hidden = runs.length > 0;
  }

  async loadSkipped(more) {
    const status = $("skipped-status");
    try {
      const page = await api("integrations/intercom/skipped", {
        query: { limit: 20, cursor: more ? this.skippedCursor : undefined },
      });
      const body = $("skipped").tBodies[0];
      const rows = (page.items || []).map((s) =>
        h(
          "tr",
          {},
          h("th", { scope: "row" }, s.intercomId),
          h("td", {}, s.kind === "CONTACT" ? "Contact" : "Conversation"),
          h("td", {}, REASONS[s.reason] || s.reason, s.detail ? h("div", { className: "muted" }, s.detail) : null),
          h("td", { className: "num" }, number(s.attempts)),
          h("td", {}, timeElement(s.firstSeen)),
          h("td", {}, timeElement(s.lastSeen))
        )
      );
      if (more) {
        body.append(...rows);
      } else {
        body.replaceChildren(...rows);
      }
      this.skippedCursor = page.nextCursor || null;
      $("skipped").hidden = body.rows.length === 0;
      $("skipped-more").hidden = !this.skippedCursor;
      status.textContent = body.rows.length === 0 ? "Nothing was skipped." : "";
    } catch (e) {
      $("skipped").hidden = true;
      $("skipped-more").hidden = true;
      status.textContent =
        e instanceof ApiError && e.status === 404
          ? "This server does not list skipped conversations yet."
          : "The skipped conversations could not be loaded: " + e.message;
    }
  }

  /**
   * Connecting copies the workspace the admin picks at Intercom into the account this page is
   * signed in to. A link carrying someone else's sign-in (#token=…) would otherwise make that their
   * account without a word: the admin confirms the account, by name, before leaving for Intercom.
   */
  askConnect() {
    const name = this.account?.name;
    $("connect-account").textContent = name ? `${name} (${this.accountId})` : this.accountId;
    $("connect-user").textContent = this.user;
    openDialog($("connect-dialog"));
  }

  connectChosen() {
    if ($("connect-dialog").returnValue === "confirm") {
      this.connect();
    }
  }

  async connect() {
    try {
      const started = await api("integrations/intercom/connect", { method: "POST" });
      location.assign(started.authorizeUrl);
    } catch (e) {
      this.notify("error", "Connecting could not start: " + e.message);
    }
  }

  async syncNow() {
    try {
      await api("integrations/intercom/sync", { method: "POST" });
      this.notify("success", "A sync has started.");
    } catch (e) {
      this.notify("error", e.status === 409 ? "A sync is already running." : "The sync could not start: " + e.message);
    }
    await this.refresh();
  }

  askDisconnect() {
    $("disconnect-keep").checked = true;
    openDialog($("disconnect-dialog"));
  }

  async disconnectChosen() {
    const dialog = $("disconnect-dialog");
    if (dialog.returnValue !== "confirm") {
      $("disconnect").focus();
      return;
    }
    const purge = $("disconnect-delete").checked;
    try {
      await api("integrations/intercom", { method: "DELETE", query: { purge } });
      this.notify(
        "success",
        purge
          ? "Intercom is disconnected and everything synced from it was deleted."
          : "Intercom is disconnected. Your documents and customer profiles are kept."
      );
    } catch (e) {
      this.notify("error", "Disconnecting failed: " + e.message);
    }
    await this.refresh();
    this.onDataChanged();
    $("connect").focus();
  }
}

function runTone(state) {
  return state === "COMPLETED" ? "success" : state === "RUNNING" ? "info" : state === "FAILED" || state === "NEEDS_REAUTH" ? "error" : "neutral";
}
