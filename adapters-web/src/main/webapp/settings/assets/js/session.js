// The admin's sign-in: the research repository opens this page with a short-lived token in the
// URL fragment (#token=…), which browsers never send to a server. It is kept in sessionStorage
// (this tab only) and removed from the address bar at once, so it is neither bookmarked nor shared.

const KEY = "feedbacksync.token";

/** Takes a token from the fragment, if there is one, and forgets the fragment. */
export function adoptTokenFromFragment() {
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ""));
  const token = fragment.get("token");
  if (token) {
    sessionStorage.setItem(KEY, token.trim());
  }
  if (location.hash) {
    history.replaceState(null, "", location.pathname + location.search);
  }
}

/** The claims of the token a JWT carries in its middle part (not verified here: the API does). */
function claims(token) {
  try {
    const part = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    const json = decodeURIComponent(
      Array.from(atob(part), (c) => "%" + c.charCodeAt(0).toString(16).padStart(2, "0")).join("")
    );
    return JSON.parse(json);
  } catch {
    return null;
  }
}

/**
 * The session: {token, user, account, admin, expiresAt}, or {problem: "missing" | "invalid" |
 * "expired"}.
 */
export function currentSession(now = Date.now()) {
  const token = sessionStorage.getItem(KEY);
  if (!token) {
    return { problem: "missing" };
  }
  const c = claims(token);
  if (!c) {
    return { problem: "invalid" };
  }
  if (typeof c.exp === "number" && c.exp * 1000 <= now) {
    return { problem: "expired" };
  }
  const groups = Array.isArray(c.groups) ? c.groups : [];
  return {
    token,
    user: c.upn || c.sub || "",
    account: typeof c.account === "string" ? c.account : "",
    admin: groups.includes("admin"),
    expiresAt: typeof c.exp === "number" ? c.exp * 1000 : null,
  };
}

/** Forgets the token (it expired or the API refused it). */
export function forgetToken() {
  sessionStorage.removeItem(KEY);
}
