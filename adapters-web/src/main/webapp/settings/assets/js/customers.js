// Customers: the profiles synced from Intercom's contacts and companies; search by e-mail, filter
// by segment, one profile with all its properties.

import { api } from "./api.js";
import { $, h, timeElement } from "./dom.js";

const PAGE = 20;

export class CustomersPanel {
  constructor({ notify }) {
    this.notify = notify;
    this.filters = {};
    this.cursors = [null];
    this.page = 0;
    $("customer-filters").addEventListener("submit", (event) => {
      event.preventDefault();
      this.filters = { email: $("customer-email").value.trim(), segment: $("customer-segment").value.trim() };
      this.cursors = [null];
      this.page = 0;
      this.load();
    });
    $("customers-older").addEventListener("click", () => {
      this.page += 1;
      this.load();
    });
    $("customers-newer").addEventListener("click", () => {
      this.page = Math.max(0, this.page - 1);
      this.load();
    });
    $("customer-back").addEventListener("click", () => {
      $("customer-view").hidden = true;
      $("customers-browse").hidden = false;
      $("customer-email").focus();
    });
  }

  async load() {
    try {
      const page = await api("customers", { query: { ...this.filters, cursor: this.cursors[this.page], limit: PAGE } });
      this.cursors[this.page + 1] = page.nextCursor || null;
      const list = $("customer-list");
      list.replaceChildren(
        ...page.items.map((c) =>
          h(
            "li",
            { className: "item" },
            h("button", { type: "button", className: "item-link", dataset: { customer: c.id } }, c.name || c.email || c.id),
            h("div", { className: "item-meta" }, c.email || "no e-mail", " · ", c.role, c.segments?.length ? " · " + c.segments.join(", ") : "")
          )
        )
      );
      if (page.items.length === 0) {
        list.append(h("li", { className: "muted" }, "No customer matches."));
      }
      for (const b of list.querySelectorAll("button[data-customer]")) {
        b.addEventListener("click", () => this.open(b.dataset.customer));
      }
      $("customers-newer").disabled = this.page === 0;
      $("customers-older").disabled = !page.nextCursor;
    } catch (e) {
      this.notify("error", "The customers could not be loaded: " + e.message);
    }
  }

  async open(id) {
    try {
      const c = await api("customers/" + encodeURIComponent(id));
      $("customer-name").textContent = c.name || c.email || c.id;
      $("customer-meta").replaceChildren(`${c.role} · updated `, timeElement(c.updatedAt));
      $("customer-facts").replaceChildren(
        h("div", {}, h("dt", {}, "E-mail"), h("dd", {}, c.email || "—")),
        h("div", {}, h("dt", {}, "Segments"), h("dd", {}, c.segments?.length ? c.segments.join(", ") : "None")),
        h("div", {}, h("dt", {}, "Companies"), h("dd", {}, c.companies?.length ? c.companies.map((x) => x.name).join(", ") : "None"))
      );
      $("customer-properties").tBodies[0].replaceChildren(
        ...Object.entries(c.properties || {}).map(([k, v]) =>
          h("tr", {}, h("th", { scope: "row" }, k), h("td", {}, v !== null && typeof v === "object" ? JSON.stringify(v) : String(v ?? "—")))
        )
      );
      $("customers-browse").hidden = true;
      $("customer-view").hidden = false;
      $("customer-name").focus();
    } catch (e) {
      this.notify("error", "The customer could not be opened: " + e.message);
    }
  }
}
