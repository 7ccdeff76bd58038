// Small helpers to build the page from data without ever writing data as HTML.

/** An element with attributes (on* never: the CSP forbids inline handlers) and children. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) {
      continue;
    }
    if (name === "className") {
      element.className = value;
    } else if (name === "dataset") {
      Object.assign(element.dataset, value);
    } else {
      element.setAttribute(name, value === true ? "" : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child instanceof Node ? child : String(child));
    }
  }
  return element;
}

export const $ = (id) => document.getElementById(id);

/** Sets an element's text, or a dash when there is nothing to say. */
export function text(id, value) {
  $(id).textContent = value === null || value === undefined || value === "" ? "—" : String(value);
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** A moment as people read it, with the exact time as a tooltip; null as a dash. */
export function when(iso) {
  if (!iso) {
    return "—";
  }
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTime.format(d);
}

/** A <time> element for a moment. */
export function timeElement(iso) {
  return iso ? h("time", { datetime: iso, title: iso }, when(iso)) : "—";
}

/** A duration in words: "about 3 minutes", "12 seconds". */
export function duration(seconds) {
  if (seconds === null || seconds === undefined || Number.isNaN(seconds)) {
    return "";
  }
  if (seconds < 60) {
    return `${Math.max(1, Math.round(seconds))} seconds`;
  }
  if (seconds < 3600) {
    const m = Math.round(seconds / 60);
    return `about ${m} minute${m === 1 ? "" : "s"}`;
  }
  const hours = Math.round(seconds / 360) / 10;
  return `about ${hours} hours`;
}

export const number = (n) => new Intl.NumberFormat().format(n ?? 0);
