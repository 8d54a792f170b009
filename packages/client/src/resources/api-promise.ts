import type { CallResult } from "../call.js";
import type { APIPromise, WithResponse } from "./types.js";

export type { APIPromise };

/**
 * The promise of a resource call: `read(result)` of the sent call, plus `.withResponse()`. Both
 * read the one answer. A thenable of its own rather than a `Promise` with added members: `await`
 * of a promise whose shape was changed leaves the engine's fast path.
 */
export class ResourcePromise<T> implements APIPromise<T> {
  readonly #sent: Promise<CallResult>;
  readonly #read: (result: CallResult) => T;
  #data: Promise<T> | undefined;

  constructor(sent: Promise<CallResult>, read: (result: CallResult) => T) {
    this.#sent = sent;
    this.#read = read;
  }

  /** The call as sent, for subclasses that read its answer another way. */
  protected get sent(): Promise<CallResult> {
    return this.#sent;
  }

  // biome-ignore lint/suspicious/noThenProperty: a thenable by design, awaited as a promise.
  then<A = T, B = never>(
    onFulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.#settled().then(onFulfilled, onRejected);
  }

  catch<B = never>(onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<T | B> {
    return this.#settled().catch(onRejected);
  }

  finally(onFinally?: (() => void) | null): Promise<T> {
    return this.#settled().finally(onFinally);
  }

  get [Symbol.toStringTag](): string {
    return "Promise";
  }

  withResponse(): Promise<WithResponse<T>> {
    return this.#sent.then((result) => ({
      data: this.#read(result),
      response: result.response,
      requestId: requestIdOf(result.response),
    }));
  }

  #settled(): Promise<T> {
    this.#data ??= this.#sent.then(this.#read);
    return this.#data;
  }
}

/** The request id Thredfi gave the answer. */
export function requestIdOf(response: Response): string | undefined {
  const { headers } = response;
  return headers.get("x-request-id") ?? headers.get("request-id") ?? undefined;
}
