import { ThredfiError } from "@thredfi/auth";
import { withDeadline } from "@thredfi/auth/internal";
import type { Middleware } from "openapi-fetch";
import type { Call, CallResult, ParseAs } from "./call.js";
import type { ClientCore } from "./path-client.js";
import { readAnswer } from "./read-answer.js";

/** What openapi-fetch shows middleware besides the request and response. */
export interface MiddlewareContext {
  readonly middleware: readonly Middleware[];
  /** How the caller asked for the answer to be read, once middleware has seen it. */
  readonly parseAs: Exclude<ParseAs, "buffer">;
  readonly schemaPath: string;
  readonly params: Record<string, unknown>;
  readonly querySerializer: (query: Record<string, unknown>) => string;
  readonly bodySerializer: (body: unknown, headers?: Headers) => unknown;
  readonly pathSerializer: (pathname: string, params: Record<string, unknown>) => string;
}

/**
 * Sends `call` with the caller's openapi-fetch middleware around it, as openapi-fetch runs them:
 * each `onRequest` in order sees the request (without its token) and may replace it or answer it;
 * each `onError`, last first, sees a failure and may turn it into an answer or another error;
 * each `onResponse`, last first, sees the answer (its body read into memory within the call's
 * time limit) and may replace it. Whatever they return, the answer is read and redacted with
 * what the call knows, so no middleware can switch redaction off.
 */
export async function sendThroughMiddleware(
  core: ClientCore,
  call: Call,
  context: MiddlewareContext,
): Promise<CallResult> {
  const { config, pipeline } = core;
  const { schemaPath, params } = context;
  const id = Math.random().toString(36).slice(2, 11);
  const options = Object.freeze({
    baseUrl: config.connection.baseUrl,
    fetch: call.fetch,
    parseAs: context.parseAs,
    querySerializer: context.querySerializer,
    bodySerializer: context.bodySerializer,
    pathSerializer: context.pathSerializer,
  }) as never;
  const built = new Request(call.url, {
    ...call.init,
    method: call.method,
    headers: call.headers,
    body: call.body,
    ...(call.body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
  let request = built;
  let response: Response | undefined;
  for (const m of context.middleware) {
    const result = await m.onRequest?.({ request, schemaPath, params, options, id });
    if (result instanceof Request) request = result;
    else if (result instanceof Response) {
      response = result;
      break;
    } else if (result) {
      throw new ThredfiError(
        "onRequest: must return new Request() or Response() when modifying the request",
      );
    }
  }
  if (!response) {
    await adopt(core, call, request, request !== built);
    let failure: unknown;
    try {
      response = (await pipeline.send(call)).response;
    } catch (error) {
      failure = error;
    }
    for (let i = context.middleware.length - 1; failure !== undefined && i >= 0; i--) {
      const result = await context.middleware[i]?.onError?.({
        request,
        error: failure,
        schemaPath,
        params,
        options,
        id,
      });
      if (result instanceof Response) {
        response = result;
        failure = undefined;
      } else if (result instanceof Error) failure = result;
      else if (result)
        throw new ThredfiError("onError: must return new Response() or instance of Error");
    }
    if (failure !== undefined) throw failure;
  }
  for (let i = context.middleware.length - 1; i >= 0; i--) {
    const result = await context.middleware[i]?.onResponse?.({
      request,
      response: response as Response,
      schemaPath,
      params,
      options,
      id,
    });
    if (result instanceof Response) response = result;
    else if (result)
      throw new ThredfiError("onResponse: must return new Response() when modifying the response");
  }
  return readAnswer(call, response as Response, context.parseAs);
}

/**
 * Makes `call` send what the middleware left: its URL, method and headers, and the body of a
 * request it replaced, read into memory within the call's time limit so it can be sent again.
 */
async function adopt(
  core: ClientCore,
  call: Call,
  request: Request,
  replaced: boolean,
): Promise<void> {
  call.url = request.url;
  call.method = request.method;
  call.headers = new Headers(request.headers);
  if (!replaced) return;
  call.body =
    request.body === null
      ? null
      : await withDeadline(
          core.config.deadlines,
          call.timeoutMs,
          () =>
            new ThredfiError(
              `${call.method} ${call.template}: the request body did not end within ${call.timeoutMs} ms`,
            ),
          () => request.arrayBuffer(),
          call.signal,
        );
}
