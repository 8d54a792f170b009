import type { CallContext } from "./call-context.js";

/** One attempt of a request, as each transport layer receives it. */
export interface Attempt {
  /** The request to send; a fresh copy per attempt when it has a body. */
  readonly request: Request;
  /** What openapi-fetch passed besides the request (undici options, if any). */
  readonly init: RequestInit | undefined;
  readonly call: CallContext;
  /** Aborts this attempt: set by the timeout layer. */
  readonly signal?: AbortSignal;
}

/** Sends one attempt; every layer is one of these wrapping the next. */
export type Send = (attempt: Attempt) => Promise<Response>;
