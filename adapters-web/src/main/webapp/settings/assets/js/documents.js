// The documents: the list (newest activity first) with search, tag and status filters and paging;
// one document with its messages, images and attachments; its Document Info.

import { api } from "./api.js";
import { $, h, when, timeElement, number } from "./dom.js";

const PAGE = 20;
const STATUS = { OPEN: "Open", CLOSED: "Closed", SNOOZED: "Snoozed" };

function tagList(tags) {
  return (tags || []).map((t) => h("span", { className: "tag" }, t));
}

function statusBadge(status) {
  return h("span", { className: "badge badge-status-" + String(status).toLowerCase() }, STATUS[status] || status);
}

function authorName(a) {
  if (!a) {
    return "Unknown";
  }
  const who = a.name || a.email || a.id || "Unknown";
  const role = a.type === "user" || a.type === "lead" ? "customer" : a.type;
  return role ? `${who} (${role})` : who;
}

export class DocumentsPanel {
  constructor({ notify, openCustomer }) {
    this.notify = notify;
    this.openCustomer = openCustomer;
    this.filters = {};
    this.cursors = [null];
    this.page = 0;
    $("document-filters").addEventListener("submit", (event) => {
      event.preventDefault();
      this.filters = {
        q: $("document-search").value.trim(),
        tag: $("document-tag").value.trim(),
        status: $("document-status").value,
      };
      this.cursors = [null];
      this.page = 0;
      this.load();
    });
    $("documents-older").addEventListener("click", () => {
      this.page += 1;
      this.load();
    });
    $("documents-newer").addEventListener("click", () => {
      this.page = Math.max(0, this.page - 1);
      this.load();
    });
    $("document-back").addEventListener("click", () => this.showList());
    $("document-info-toggle").addEventListener("click", () => this.toggleInfo());
  }

  async load() {
    const list = $("document-list");
    list.setAttribute("aria-busy", "true");
    // Until this load answers, the count is unknown (a reader never sees the old one as new).
    delete $("document-count").dataset.count;
    try {
      const [page, count] = await Promise.all([
        api("documents", { query: { ...this.filters, cursor: this.cursors[this.page], limit: PAGE } }),
        api("documents/count", { query: this.filters }),
      ]);
      this.cursors[this.page + 1] = page.nextCursor || null;
      const counter = $("document-count");
      counter.dataset.count = count.count;
      const filtered = Object.values(this.filters).some((v) => v);
      counter.textContent =
        count.count === 0
          ? filtered
            ? "No document matches these filters."
            : "No documents yet. Once Intercom is connected, synced conversations appear here."
          : `${number(count.count)} document${count.count === 1 ? "" : "s"}` + (filtered ? " match" : "");
      list.replaceChildren(
        ...page.items.map((d) =>
          h(
            "li",
            { className: "item", dataset: { id: d.id } },
            h("button", { type: "button", className: "item-link", dataset: { document: d.id } }, d.title || `Conversation ${d.id}`),
            h("div", { className: "item-meta" }, statusBadge(d.status), " Updated ", timeElement(d.updatedAt), d.tags?.length ? " · " : "", ...tagList(d.tags))
          )
        )
      );
      for (const b of list.querySelectorAll("button[data-document]")) {
        b.addEventListener("click", () => this.open(b.dataset.document));
      }
      $("documents-newer").disabled = this.page === 0;
      $("documents-older").disabled = !page.nextCursor;
    } catch (e) {
      this.notify("error", "The documents could not be loaded: " + e.message);
    } finally {
      list.removeAttribute("aria-busy");
    }
  }

  showList() {
    $("document-view").hidden = true;
    $("documents-browse").hidden = false;
    const back = this.opened && document.querySelector(`button[data-document="${CSS.escape(this.opened)}"]`);
    (back || $("document-search")).focus();
  }

  async open(id) {
    try {
      const d = await api("documents/" + encodeURIComponent(id));
      this.opened = id;
      this.info = null;
      $("document-title").textContent = d.title || `Conversation ${d.id}`;
      $("document-meta").replaceChildren(
        statusBadge(d.status),
        " Created ",
        timeElement(d.createdAt),
        " · updated ",
        timeElement(d.updatedAt),
        d.customer ? " · from " : "",
        d.customer ? this.customerLink(d.customer) : ""
      );
      $("document-tags").replaceChildren(...tagList(d.tags));
      $("document-messages").replaceChildren(...d.messages.map((m) => this.message(m)));
      $("document-info").hidden = true;
      $("document-info-toggle").setAttribute("aria-expanded", "false");
      $("documents-browse").hidden = true;
      $("document-view").hidden = false;
      $("document-title").focus();
    } catch (e) {
      this.notify("error", "The document could not be opened: " + e.message);
    }
  }

  customerLink(c) {
    const link = h("button", { type: "button", className: "button-link inline" }, c.name || c.email || c.id);
    link.addEventListener("click", () => this.openCustomer(c.id));
    return link;
  }

  message(m) {
    // The HTML was sanitized by the server with an allow-list before it was stored; its file
    // links are signed for this browser.
    const body = h("div", { className: "message-body" });
    body.innerHTML = m.redacted ? "<p><em>This message was removed in Intercom.</em></p>" : m.html;
    for (const img of body.querySelectorAll("img:not([alt])")) {
      // Intercom's inline images carry no description; say at least what they are.
      img.alt = `Image sent by ${authorName(m.author)}`;
    }
    const files = (m.attachments || []).map((a) =>
      h("li", {}, h("a", { href: a.url, download: a.name || "" }, a.name || "file"), a.sizeBytes ? ` (${number(Math.ceil(a.sizeBytes / 1024))} KB)` : "")
    );
    const customer = m.author && (m.author.type === "user" || m.author.type === "lead");
    return h(
      "li",
      { className: "message" + (customer ? " from-customer" : "") },
      h("div", { className: "message-head" }, h("strong", {}, authorName(m.author)), " ", timeElement(m.createdAt)),
      body,
      files.length ? h("ul", { className: "attachments", "aria-label": "Attachments" }, ...files) : null
    );
  }

  async toggleInfo() {
    const panel = $("document-info");
    const button = $("document-info-toggle");
    if (!panel.hidden) {
      panel.hidden = true;
      button.setAttribute("aria-expanded", "false");
      return;
    }
    try {
      this.info = this.info || (await api("documents/" + encodeURIComponent(this.opened) + "/info"));
      $("document-info-facts").replaceChildren(...infoFacts(this.info));
      panel.hidden = false;
      button.setAttribute("aria-expanded", "true");
    } catch (e) {
      this.notify("error", "Document Info could not be loaded: " + e.message);
    }
  }
}

function fact(label, ...value) {
  return h("div", {}, h("dt", {}, label), h("dd", {}, ...value));
}

function plain(value) {
  if (value === null || value === undefined) {
    return "—";
  }
  if (typeof value === "object") {
    return JSON.stringify(value);
  }
  return String(value);
}

function infoFacts(i) {
  const tags = (i.tags || []).map((t) =>
    h(
      "li",
      { dataset: { tag: t.name } },
      h("span", { className: "tag" }, t.name),
      " ",
      h(
        "span",
        { className: "muted" },
        (t.applied || [])
          .map((a) => (a.messageId ? `on message ${a.messageId}` : "on the conversation") + (a.appliedBy?.name ? ` by ${a.appliedBy.name}` : "") + (a.appliedAt ? `, ${when(a.appliedAt)}` : ""))
          .join("; ")
      )
    )
  );
  const attributes = Object.entries(i.attributes || {}).map(([k, v]) => h("div", {}, h("dt", {}, k), h("dd", {}, plain(v))));
  const intercomAttributes = Object.entries(i.intercomAttributes || {}).map(([k, v]) => h("div", {}, h("dt", {}, k), h("dd", {}, plain(v))));
  const c = i.completeness;
  const completeness = !c
    ? "—"
    : c.truncatedByIntercom
      ? `Cut short by Intercom: ${c.partsReceived} of ${c.partsReported} parts (the oldest are missing)`
      : `Complete: ${c.partsReceived} of ${c.partsReported} parts`;
  return [
    fact("Source", `${i.source} ${i.sourceType || ""}`.trim(), i.deliveredAs ? ` (${i.deliveredAs.replace(/_/g, " ")})` : ""),
    fact("Conversation id", h("span", { id: "info-conversation-id" }, i.conversationId)),
    fact("Status", h("span", { id: "info-status" }, STATUS[i.status] || i.status)),
    fact("Tags", tags.length ? h("ul", { className: "info-tags", id: "info-tags" }, ...tags) : "None"),
    fact("In Intercom", i.originalUrl ? h("a", { href: i.originalUrl, id: "info-original-url", target: "_blank", rel: "noopener noreferrer" }, "Open in the Intercom inbox") : "—"),
    fact("Workspace", i.workspaceId),
    fact("Created", timeElement(i.createdAt)),
    fact("Updated", timeElement(i.updatedAt)),
    fact("Synced", timeElement(i.syncedAt)),
    fact("Completeness", h("span", { id: "info-completeness" }, completeness)),
    h("div", { className: "wide" }, h("dt", {}, "Attributes"), h("dd", {}, attributes.length ? h("dl", { className: "attributes" }, ...attributes) : "None")),
    h("div", { className: "wide" }, h("dt", {}, "Intercom attributes"), h("dd", {}, intercomAttributes.length ? h("dl", { className: "attributes" }, ...intercomAttributes) : "None")),
  ];
}
