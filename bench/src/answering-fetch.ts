import { answerThredfiRequest, emptyCounts, type RequestCounts } from "./thredfi-routes.js";

/** An in-process `fetch` that answers at once, with the counts of what it answered. */
export interface AnsweringFetch {
  fetch: typeof globalThis.fetch;
  counts: RequestCounts;
}

const jsonHeaders = { "content-type": "application/json" };

/**
 * Creates a `fetch` that never touches the network: it answers each request immediately from
 * {@link answerThredfiRequest}, so a benchmark measures only the client's own work.
 */
export function createAnsweringFetch(): AnsweringFetch {
  const counts = emptyCounts();
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const method = input instanceof Request ? input.method : (init?.method ?? "GET");
    const url = input instanceof Request ? input.url : String(input);
    const answer = answerThredfiRequest(method, new URL(url).pathname, counts);
    return new Response(answer.body, { status: answer.status, headers: jsonHeaders });
  };
  return { fetch, counts };
}
