/** What the transport knows about a final response: how many attempts it took, who sent it. */
export interface Exchange {
  readonly attempts: number;
  /** The API key and the credentials the request carried, for redaction. */
  secrets(): string[];
}

const exchanges = new WeakMap<Response, Exchange>();

/** Remembers how `response` came about, for errors built from it later. */
export function recordExchange(
  response: Response,
  attempts: number,
  request: Request,
  secrets: readonly string[],
): void {
  exchanges.set(response, {
    attempts,
    secrets() {
      const authorization = request.headers.get("authorization");
      const credentials = authorization?.slice(authorization.indexOf(" ") + 1);
      return credentials ? [...secrets, credentials] : [...secrets];
    },
  });
}

/** How `response` came about, when a Thredfi client received it. */
export function exchangeOf(response: Response): Exchange | undefined {
  return exchanges.get(response);
}
