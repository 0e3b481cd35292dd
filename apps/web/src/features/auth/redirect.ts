/** Only same-app paths are allowed after sign-in, so a crafted link cannot send users elsewhere. */
export function safeRedirect(target: unknown, fallback = "/"): string {
  if (typeof target !== "string") return fallback;
  if (!target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) return fallback;
  if (target.startsWith("/login") || target.startsWith("/signup") || target.startsWith("/accept-invite")) {
    return fallback;
  }
  return target;
}
