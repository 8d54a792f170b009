/** What the transport knows about a final response: how many attempts it took, who sent it. */
export interface Exchange {
  readonly attempts: number;
  /** The API key and the credentials the request carried, for redaction. */
  secrets(): string[];
}

// A property on the response itself: no weak map for the garbage collector to walk.
const EXCHANGE = Symbol("thredfi.exchange");

type Recorded = Response & {
  [EXCHANGE]?: { attempts: number; request: Request; secrets: readonly string[] };
};

/** Remembers how `response` came about, for errors built from it later. */
export function recordExchange(
  response: Response,
  attempts: number,
  request: Request,
  secrets: readonly string[],
): void {
  (response as Recorded)[EXCHANGE] = { attempts, request, secrets };
}

/** How `response` came about, when a Thredfi client received it. */
export function exchangeOf(response: Response): Exchange | undefined {
  const recorded = (response as Recorded)[EXCHANGE];
  if (!recorded) return undefined;
  const { attempts, request, secrets } = recorded;
  return {
    attempts,
    secrets() {
      const authorization = request.headers.get("authorization");
      const credentials = authorization?.slice(authorization.indexOf(" ") + 1);
      return credentials ? [...secrets, credentials] : [...secrets];
    },
  };
}
