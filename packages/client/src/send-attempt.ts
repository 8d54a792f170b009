import { ThredfiConnectionError, ThredfiError, ThredfiTimeoutError } from "@thredfi/auth";
import { requestIdOf } from "@thredfi/auth/internal";
import type { Call, CallDeadline, CallResult } from "./call.js";
import type { ClientConfig } from "./config.js";
import { checkFollowedRedirect, isRedirect } from "./follow-redirect.js";
import { readAnswer } from "./read-answer.js";
import { isRetryableStatus, mayRetry, warnGivingUp } from "./retry-policy.js";

/** What an attempt leads to: the call's final answer, or another attempt and why. */
export type Step =
  | { next: "answer"; response: Response; result: CallResult }
  | { next: "replay" | "redirect" | "retry"; response: Response };

/**
 * Creates the step that sends one attempt of a call: the request on the wire, bounded with the
 * reading of a final answer by the call's `timeoutMs` on the client's one timer, and ended at
 * once on timeout also when `fetch` ignores its signal. Rejects with a
 * {@link ThredfiTimeoutError} on timeout, a {@link ThredfiConnectionError} when the network
 * failed (the answer's body breaking off included), another `ThredfiError` as it is, or the
 * caller's abort reason. At `debug`, logs one line per attempt.
 */
export function createSendAttempt(config: ClientConfig): (call: Call) => Promise<Step> {
  const { deadlines, controllers, log } = config;

  function sendAttempt(call: Call): Promise<Step> {
    call.attempts++;
    if (!call.lease || call.lease.controller.signal.aborted) call.lease = controllers.take();
    const { signal } = call.lease.controller;
    // One deadline object per call, restarted for each attempt.
    call.deadline ??= { at: 0, tickMs: 0, call, expire: expireAttempt };
    deadlines.restart(call.deadline, call.timeoutMs);
    // Settled by the exchange, or at once by a timeout or the caller's abort (`interrupt`),
    // also when `fetch` ignores its signal.
    return new Promise<Step>((resolve, reject) => {
      call.interrupt = reject;
      exchange(call, signal, call.attempts).then(resolve, reject);
    });
  }

  /** The request on the wire and, for a final answer, its body read; within the deadline. */
  async function exchange(call: Call, signal: AbortSignal, attempt: number): Promise<Step> {
    try {
      const { body } = call;
      const { method, headers } = call;
      // A plain GET names neither method nor body: each field given is one more to check.
      const init: RequestInit & { duplex?: "half" } = call.init
        ? { ...call.init, method, headers, body, redirect: "manual" }
        : body === null && method === "GET"
          ? { headers, redirect: "manual" }
          : { method, headers, body, redirect: "manual" };
      if (body !== null && body instanceof ReadableStream) init.duplex = "half";
      // The signal goes beside the request, as openapi-fetch hands `fetch` its extra init: a
      // `fetch` reads it from there (or from a Request it builds from both).
      const request = new Request(call.url, init);
      // Set on the request itself, not the call's headers: each header set is checked again
      // when a request copies it, and this one changes with every token.
      if (call.token) request.headers.set("Authorization", call.token.authorization);
      const response = await call.fetch(request, { signal });
      const next = nextStep(call, response);
      if (next !== "answer") return { next, response };
      return { next, response, result: await readAnswer(call, response) };
    } catch (cause) {
      throw failureOf(call, cause);
    } finally {
      // An attempt that timed out settles late: the deadline may be the next attempt's by then.
      if (call.attempts === attempt) deadlines.cancel(call.deadline as CallDeadline);
    }
  }

  function nextStep(call: Call, response: Response): Step["next"] {
    const { status } = response;
    if (status === 401 && call.token && !call.refusedToken) return "replay";
    if (call.followsRedirects) {
      if (isRedirect(response)) return "redirect";
      if (response.redirected) checkFollowedRedirect(call, response, config.connection);
    }
    if (!isRetryableStatus(status)) return "answer";
    if (mayRetry(call)) return "retry";
    warnGivingUp(config, call, `HTTP ${status}`);
    return "answer";
  }

  if (!log.enabled("debug")) return sendAttempt;
  return (call) => {
    const started = performance.now();
    const line = (outcome: string) =>
      `${call.method} ${call.template} ${outcome} ${Math.round(performance.now() - started)}ms attempt=${call.attempts}`;
    return sendAttempt(call).then(
      (step) => {
        const requestId = requestIdOf(step.response.headers);
        log(
          "debug",
          `${line(String(step.response.status))}${requestId ? ` request_id=${requestId}` : ""}`,
        );
        return step;
      },
      (error: unknown) => {
        log(
          "debug",
          line(
            call.signal?.aborted
              ? "aborted"
              : error instanceof ThredfiTimeoutError
                ? "timeout"
                : error instanceof ThredfiConnectionError
                  ? "network_error"
                  : "failed",
          ),
        );
        throw error;
      },
    );
  };
}

/** Ends the attempt of its call: its request aborted, what the call waits for rejected. */
function expireAttempt(this: CallDeadline): void {
  const { call } = this;
  const timeout = new ThredfiTimeoutError(
    `${call.method} ${call.template}: no answer within ${call.timeoutMs} ms`,
    { attempts: call.attempts },
  );
  call.lease?.controller.abort(timeout);
  call.interrupt?.(timeout);
}

/**
 * What a failed attempt rejects with: the caller's abort reason, a `ThredfiError` as it is (a
 * timeout, an answer that is not JSON), anything else (`fetch` failing, the body breaking off) as
 * a {@link ThredfiConnectionError} carrying it.
 */
function failureOf(call: Call, cause: unknown): unknown {
  if (call.signal?.aborted) return call.signal.reason;
  if (cause instanceof ThredfiError) return cause;
  return new ThredfiConnectionError(`${call.method} ${call.template}: the connection failed`, {
    cause,
    attempts: call.attempts,
  });
}
