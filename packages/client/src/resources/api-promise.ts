import type { CallResult } from "../call.js";
import type { APIPromise, WithResponse } from "./types.js";

export type { APIPromise };

/**
 * The promise of a resource call: `read(result)` of the sent call, plus `.withResponse()`. No
 * second request: both read the one answer.
 */
export function apiPromise<T>(
  sent: Promise<CallResult>,
  read: (result: CallResult) => T,
): APIPromise<T> {
  const data = sent.then(read) as APIPromise<T>;
  data.withResponse = () => {
    // The caller reads the outcome from here: the data promise's own rejection is not unhandled.
    data.catch(ignore);
    return sent.then(
      (result): Promise<WithResponse<T>> =>
        data.then((value) => ({
          data: value,
          response: result.response,
          requestId: requestIdOf(result.response),
        })),
    );
  };
  return data;
}

/** The request id Thredfi gave the answer. */
export function requestIdOf(response: Response): string | undefined {
  const { headers } = response;
  return headers.get("x-request-id") ?? headers.get("request-id") ?? undefined;
}

function ignore(): void {}
