import type { ConnectionConfig } from "./config.js";
import { type Deadlines, withDeadline } from "./deadlines.js";
import { ThredfiTimeoutError } from "./errors.js";
import type { SendTokenRequest } from "./request-token.js";

/**
 * How this package's own clients send a token request: one `fetch` of the connection, never
 * following a redirect, bounded with the reading of its body by `timeoutMs` also when `fetch`
 * ignores its signal.
 */
export function fetchTokenRequests(
  connection: ConnectionConfig,
  deadlines: Deadlines,
): SendTokenRequest {
  const { fetch, timeoutMs } = connection;
  return (request) =>
    withDeadline(
      deadlines,
      timeoutMs,
      () => new ThredfiTimeoutError(`POST ${request.template}: no answer within ${timeoutMs} ms`),
      async (signal) => {
        const response = await fetch(
          new Request(request.url, {
            method: "POST",
            headers: { Authorization: request.authorization },
            // A form body: fetch sends it as application/x-www-form-urlencoded;charset=UTF-8.
            body: request.form,
            signal,
            // A token from wherever a redirect points is not a Thredfi token.
            redirect: "manual",
          }),
        );
        const text = await response.text();
        if (response.ok) return { response, data: text };
        let error: unknown = text;
        try {
          error = JSON.parse(text);
        } catch {}
        return { response, error };
      },
    );
}
