/** A token and the epoch-ms instant after which it must not be used. */
interface CachedToken {
  accessToken: string;
  expiresAt: number;
}

/** How long before expiry a hand-rolled cache refreshes, as such code usually does. */
const refreshMarginMs = 60_000;

/**
 * The token cache users typically write by hand: keep the last token, fetch a new one when it is
 * about to expire, share one in-flight request. The baseline that the naive middleware and the
 * axios interceptor call on every request.
 */
export function createHandRolledTokenGetter(
  requestToken: () => Promise<{ access_token: string; expires_in: number }>,
): { getToken: () => Promise<string>; drop: () => void } {
  let cached: CachedToken | undefined;
  let inFlight: Promise<string> | undefined;

  async function refresh(): Promise<string> {
    const body = await requestToken();
    cached = { accessToken: body.access_token, expiresAt: Date.now() + body.expires_in * 1000 };
    return body.access_token;
  }

  return {
    async getToken() {
      if (cached !== undefined && Date.now() < cached.expiresAt - refreshMarginMs) {
        return cached.accessToken;
      }
      inFlight ??= refresh().finally(() => {
        inFlight = undefined;
      });
      return inFlight;
    },
    drop() {
      cached = undefined;
    },
  };
}
