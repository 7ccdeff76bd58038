// The admin API, as this page calls it: the session's bearer token on every call, problem+json
// errors turned into exceptions whose message an admin can read.

import { currentSession } from "./session.js";

/** An answer that was not a success: its HTTP status and the problem's words. */
export class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

let onUnauthorized = () => {};

/** Called when the API says the token is no longer good (401). */
export function whenUnauthorized(callback) {
  onUnauthorized = callback;
}

/** Calls {@code path} (under /api/v1) and returns its JSON, or null for 204. */
export async function api(path, { method = "GET", query = {}, body } = {}) {
  const session = currentSession();
  if (!session.token) {
    onUnauthorized(session.problem);
    throw new ApiError(401, "Not signed in.");
  }
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== "") {
      params.set(k, v);
    }
  }
  const url = "/api/v1/" + path + (params.size ? "?" + params : "");
  const headers = { Accept: "application/json", Authorization: "Bearer " + session.token };
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
  }
  const response = await fetch(url, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: "same-origin",
  });
  if (response.status === 401) {
    onUnauthorized("expired");
    throw new ApiError(401, "Your sign-in is no longer valid.");
  }
  if (!response.ok) {
    let detail = response.statusText || "The request failed.";
    try {
      const problem = await response.json();
      detail = problem.detail || problem.title || detail;
    } catch {
      // Not a problem document: the status text says enough.
    }
    throw new ApiError(response.status, detail);
  }
  return response.status === 204 ? null : response.json();
}
