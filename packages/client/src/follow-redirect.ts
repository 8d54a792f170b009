import { ThredfiAuthError } from "@thredfi/auth";
import { type ConnectionConfig, carriesToken } from "@thredfi/auth/internal";
import type { Call } from "./call.js";
import { ThredfiRedirectError } from "./errors.js";

/** Redirects followed at most per call. */
const MAX_HOPS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Whether `response` is a redirect for the SDK to follow or refuse (never `fetch`). */
export function isRedirect(response: Response): boolean {
  const { status } = response;
  // A browser answers `redirect: "manual"` with an opaque redirect of status 0.
  return REDIRECT_STATUSES.has(status) || (status === 0 && response.type === "opaqueredirect");
}

/**
 * Points `call` at the target of the redirect `response`, as `fetch` would follow it: a 303 (and
 * a 301 or 302 of a POST) becomes a GET without a body, a 307 or 308 keeps method and body
 * intact. Throws a {@link ThredfiRedirectError} instead for a target on another origin, one
 * outside a business token's paths, a sixth hop, a stream body that cannot be sent again, or a
 * redirect whose target the runtime hides (a browser's opaque redirect).
 */
export function followRedirect(call: Call, response: Response, connection: ConnectionConfig): void {
  const { status } = response;
  const location = response.headers.get("location");
  let target: URL | undefined;
  try {
    target = location === null ? undefined : new URL(location, call.url);
  } catch {}
  if (!target) throw refusal(call, status, undefined, "its target is missing or hidden");
  checkTarget(call, status, target, connection);
  if (++call.hops > MAX_HOPS)
    throw refusal(call, status, target.origin, `after ${MAX_HOPS} redirects`);
  if ((status === 303 && call.method !== "HEAD") || (status <= 302 && call.method === "POST")) {
    call.method = "GET";
    call.body = null;
    call.headers.delete("content-type");
  } else if (call.body instanceof ReadableStream) {
    throw refusal(call, status, target.origin, "a stream body cannot be sent again");
  }
  call.url = target.href;
}

/**
 * Checks the answer of a redirect that `fetch` followed on its own (a custom `fetch` may ignore
 * `redirect: "manual"`): its URL must be one the call could have been redirected to.
 */
export function checkFollowedRedirect(
  call: Call,
  response: Response,
  connection: ConnectionConfig,
): void {
  let target: URL | undefined;
  try {
    target = new URL(response.url);
  } catch {}
  if (!target) throw refusal(call, response.status, undefined, "its target is hidden");
  checkTarget(call, response.status, target, connection);
}

/** Throws unless `target` is on the call's origin and within its token's scope. */
function checkTarget(call: Call, status: number, target: URL, connection: ConnectionConfig): void {
  if (target.origin !== new URL(call.url).origin) {
    throw refusal(call, status, target.origin, "it leads to another origin");
  }
  try {
    if (call.scope) carriesToken(connection, call.scope.businessId, target.href);
  } catch (error) {
    if (!(error instanceof ThredfiAuthError)) throw error;
    throw refusal(
      call,
      status,
      target.origin,
      `it leads outside business ${call.scope?.businessId}`,
    );
  }
}

function refusal(
  call: Call,
  status: number,
  origin: string | undefined,
  why: string,
): ThredfiRedirectError {
  const to = origin ? ` to ${origin}` : "";
  return new ThredfiRedirectError(
    `${call.method} ${call.template}: redirect ${status}${to} not followed: ${why}`,
    status,
    origin,
    call.attempts,
  );
}
