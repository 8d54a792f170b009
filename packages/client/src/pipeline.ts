import { ThredfiConnectionError, ThredfiError } from "@thredfi/auth";
import { carriesToken, discardBody, type SendTokenRequest } from "@thredfi/auth/internal";
import { type Call, type CallResult, startCall } from "./call.js";
import type { ClientConfig } from "./config.js";
import { followRedirect } from "./follow-redirect.js";
import { mayRetry, retryDelayMs, warnGivingUp } from "./retry-policy.js";
import { createSendAttempt, type Step } from "./send-attempt.js";

/** The one way a client sends anything: API calls and token requests alike. */
export interface Pipeline {
  /**
   * Sends `call` through every step (its token, each attempt with its deadline, the 401 replay,
   * redirects, retries with backoff, the answer read and mapped) and resolves to its result.
   * Rejects with a `ThredfiError`, or with the reason of the caller's signal, at once when it
   * aborts.
   */
  send(call: Call): Promise<CallResult>;
  /** How the token layer sends its requests through the same steps. */
  readonly sendTokenRequest: SendTokenRequest;
}

/** Composes the pipeline of one client, once. */
export function createPipeline(config: ClientConfig): Pipeline {
  const { connection, log } = config;
  const sendAttempt = createSendAttempt(config);

  function send(call: Call): Promise<CallResult> {
    const { signal } = call;
    if (signal?.aborted) return Promise.reject(signal.reason);
    const running = run(call);
    if (!signal) return running;
    return new Promise<CallResult>((resolve, reject) => {
      const onAbort = () => {
        reject(signal.reason);
        call.lease?.controller.abort(signal.reason);
        call.interrupt?.(signal.reason);
      };
      signal.addEventListener("abort", onAbort, { once: true });
      running.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
    });
  }

  async function run(call: Call): Promise<CallResult> {
    try {
      for (;;) {
        const waitingForToken = call.scope && authorize(call);
        if (waitingForToken) await waitingForToken;
        let step: Step;
        try {
          step = await sendAttempt(call);
        } catch (error) {
          if (!(error instanceof ThredfiConnectionError)) throw error;
          if (!mayRetry(call)) throw gaveUp(call, error, error.name);
          await backoff(call, error.name);
          continue;
        }
        const { response } = step;
        if (step.next === "answer") return step.result;
        if (step.next === "replay") replay(call, response);
        else if (step.next === "redirect") {
          void response.body?.cancel().catch(() => {});
          followRedirect(call, response, connection);
        } else await backoff(call, `HTTP ${response.status}`, response);
      }
    } catch (error) {
      throw thrownBy(call, error);
    } finally {
      // A stream is read after the call: aborting the controller later would cut it.
      if (call.lease && call.parseAs !== "stream") config.controllers.give(call.lease);
    }
  }

  /**
   * Gives the call the token of its scope for its next attempt: at once when it is cached (no
   * promise on the hot path), else once the token layer has one. A URL on another origin gets
   * none; one on the origin outside a business token's scope throws `business_mismatch`.
   */
  function authorize(call: Call): Promise<void> | undefined {
    const scope = call.scope as NonNullable<Call["scope"]>;
    if (!carriesToken(connection, scope.businessId, call.url)) {
      call.token = undefined;
      return;
    }
    const token = scope.tokens.get(scope.key, call.signal);
    if (!(token instanceof Promise)) {
      call.token = token;
      return;
    }
    return token.then((fresh) => {
      call.token = fresh;
    });
  }

  /** Answers the 401 to a call's token: that token is dropped and the call sent once more. */
  function replay(call: Call, refused: Response): void {
    const scope = call.scope as NonNullable<Call["scope"]>;
    const token = call.token as NonNullable<Call["token"]>;
    log("info", `${call.method} ${call.template}: 401; replaying with a fresh token`);
    // Drained alongside the replay: an unread body would strand its connection.
    void discardBody(refused);
    call.refusedToken = token;
    scope.tokens.refused(scope.key, token);
  }

  /** Waits before the next retry, as long as the answer asks or the backoff says. */
  function backoff(call: Call, what: string, response?: Response): Promise<void> {
    const delayMs = retryDelayMs(config, call.retries, response);
    call.retries++;
    void response?.body?.cancel().catch(() => {});
    log(
      "info",
      `${call.method} ${call.template}: ${what} on attempt ${call.attempts}; retrying in ${delayMs} ms (attempt ${call.attempts + 1} of ${call.attempts + 1 + call.maxRetries - call.retries})`,
    );
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, delayMs);
      call.interrupt = (reason) => {
        clearTimeout(timer);
        reject(reason);
      };
    });
  }

  /** `error`, after the warning that the call's retries are spent (when it had any). */
  function gaveUp(call: Call, error: unknown, what: string): unknown {
    warnGivingUp(config, call, what);
    return error;
  }

  return {
    send,
    sendTokenRequest: (request) =>
      send(
        startCall(config, undefined, {
          method: "POST",
          template: request.template,
          url: request.url,
          headers: new Headers({ Authorization: request.authorization }),
          body: request.form,
          parseAs: "text",
          options: undefined,
          idempotencyKey: null,
          tokenRequest: { secrets: request.secrets },
        }),
      ),
  };
}

/** What a call rejects with: the caller's abort reason, a `ThredfiError`, or one wrapping `error`. */
function thrownBy(call: Call, error: unknown): unknown {
  if (call.signal?.aborted) return call.signal.reason;
  if (error instanceof ThredfiError) return error;
  const name = error instanceof Error ? error.name : typeof error;
  return new ThredfiError(`${call.method} ${call.template} failed: ${name}`, { cause: error });
}
