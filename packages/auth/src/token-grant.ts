import type { StoredToken } from "./types.js";

// Visible ASCII only: anything else would be rejected by Headers and echoed in that error.
const HEADER_SAFE = /^[\x21-\x7e]+$/;
/** Longer lifetimes are cut to a year, which keeps `expires_at` an exact number. */
const MAX_LIFETIME_S = 31_536_000;

/**
 * Reads an OAuth2 token grant received at `receivedAt`. Returns `undefined` when the grant is
 * unusable: no header-safe `access_token`, a `token_type` other than Bearer, or an `expires_in`
 * that is not a number of at least `minSeconds` (and above 0). Never throws: a hostile object's
 * getters are read inside a guard.
 */
export function readTokenGrant(
  grant: unknown,
  receivedAt: number,
  minSeconds = 0,
): StoredToken | undefined {
  try {
    const { access_token, token_type, expires_in, scope } = (grant ?? {}) as Record<
      string,
      unknown
    >;
    if (
      typeof access_token === "string" &&
      HEADER_SAFE.test(access_token) &&
      (token_type === undefined || /^bearer$/i.test(token_type as string)) &&
      typeof expires_in === "number" &&
      expires_in > 0 &&
      expires_in >= minSeconds
    ) {
      return {
        accessToken: access_token,
        expiresAt: receivedAt + Math.min(expires_in, MAX_LIFETIME_S) * 1000,
        scope: typeof scope === "string" ? scope : undefined,
      };
    }
  } catch {}
}
