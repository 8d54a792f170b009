import type { Attempt, Send } from "./attempt.js";
import type { ClientConfig } from "./config.js";
import { createDeadlines } from "./deadlines.js";
import { ThredfiConnectionError, ThredfiTimeoutError } from "./errors.js";

/**
 * Bounds each attempt by `timeoutMs` and ends it at once when the caller aborts, also when
 * `fetch` ignores its signal. For a call of the API client the bound covers reading the body:
 * the timer runs on until the call settles, and a timeout then aborts the body and rejects the
 * call. Rejects with the caller's reason on abort, a
 * {@link ThredfiTimeoutError} on timeout and a {@link ThredfiConnectionError} on any other failure.
 */
export function withTimeout(config: ClientConfig, next: Send): Send {
  const { timeoutMs } = config;
  const deadlines = createDeadlines(timeoutMs);
  return (attempt) =>
    new Promise<Response>((resolve, reject) => {
      const { call } = attempt;
      call.settle?.();
      const caller = call.signal;
      if (caller?.aborted) return reject(caller.reason);
      const controller = new AbortController();
      let answered = false;
      const fail = (error: unknown) => {
        cleanUp();
        controller.abort(error);
        if (answered) call.expire?.(error);
        else reject(error);
      };
      const onAbort = () => fail(caller?.reason);
      const deadline = deadlines.start(() =>
        fail(
          new ThredfiTimeoutError(`${describe(attempt)}: no answer within ${timeoutMs} ms`, {
            attempts: call.attempts,
          }),
        ),
      );
      caller?.addEventListener("abort", onAbort);
      function cleanUp() {
        deadlines.cancel(deadline);
        caller?.removeEventListener("abort", onAbort);
        if (call.settle === cleanUp) call.settle = undefined;
      }
      // Without an API client to read the body (token requests), it is read here, in time.
      let answer: Promise<Response>;
      try {
        answer = next({
          request: attempt.request,
          init: attempt.init,
          call,
          signal: controller.signal,
        });
      } catch (thrown) {
        // A `fetch` that throws instead of rejecting fails the attempt the same way.
        answer = Promise.reject(thrown);
      }
      (call.expire ? answer : answer.then(buffered)).then(
        (response) => {
          answered = true;
          if (call.expire) call.settle = cleanUp;
          else cleanUp();
          resolve(response);
        },
        (cause: unknown) =>
          fail(
            new ThredfiConnectionError(`${describe(attempt)}: the connection failed`, {
              cause,
              attempts: call.attempts,
            }),
          ),
      );
    });
}

/** `response` with its body read into memory. */
async function buffered(response: Response): Promise<Response> {
  const body = response.body === null ? null : await response.arrayBuffer();
  const { status, statusText, headers } = response;
  return new Response(NULL_BODY_STATUSES.has(status) ? null : body, {
    status,
    statusText,
    headers,
  });
}

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

function describe({ call }: Attempt): string {
  return `${call.method} ${call.template}`;
}
