import type { ThredfiFetch } from "../../src/index.js";
import { matchesPathTemplate } from "./spec-operations.js";

/** One request the SDK sent and what came back. */
export interface Exchange {
  method: string;
  path: string;
  status: number;
  /**
   * How the request broke the spec, or `null`: Prism's `sl-violations` header, or the type of the
   * problem Prism answers instead when the operation documents no status for invalid requests.
   */
  violations: string | null;
}

/** Which response Prism should pick for one operation (`Prefer: code=<status>`). */
export interface Preference {
  method: string;
  path: string;
  status: number;
}

/**
 * A `fetch` for the SDK's clients that records every exchange and, for the one operation named
 * by `prefer`, asks Prism for a given status. `route` may send a request to another origin.
 */
export function recordingFetch(route: (url: URL) => string = (url) => url.href) {
  const exchanges: Exchange[] = [];
  let preference: Preference | undefined;

  const fetchAndRecord: ThredfiFetch = async (request, init) => {
    const url = new URL(request.url);
    if (
      preference !== undefined &&
      request.method === preference.method &&
      matchesPathTemplate(preference.path, url.pathname)
    ) {
      request.headers.set("Prefer", `code=${preference.status}`);
    }
    const target = route(url);
    const response = await fetch(
      target === url.href ? request : await rerouted(request, target),
      init,
    );
    exchanges.push({
      method: request.method,
      path: url.pathname,
      status: response.status,
      violations: response.headers.get("sl-violations") ?? (await prismProblem(response)),
    });
    return response;
  };

  return {
    fetch: fetchAndRecord,
    exchanges,
    /** Asks Prism for `status` on every request to this operation until `clearPreference`. */
    prefer(next: Preference): void {
      preference = next;
    },
    clearPreference(): void {
      preference = undefined;
    },
    /** Exchanges that came back with an `sl-violations` header. */
    violations(): Exchange[] {
      return exchanges.filter((exchange) => exchange.violations !== null);
    },
  };
}

/** A recorder as returned by {@link recordingFetch}. */
export type RecordingFetch = ReturnType<typeof recordingFetch>;

async function rerouted(request: Request, target: string): Promise<Request> {
  const body = request.body === null ? null : await request.arrayBuffer();
  return new Request(target, { method: request.method, headers: request.headers, body });
}

async function prismProblem(response: Response): Promise<string | null> {
  if (!response.headers.get("content-type")?.includes("application/problem+json")) return null;
  const problem = (await response.clone().json()) as { type?: unknown };
  return typeof problem.type === "string" && problem.type.includes("stoplight.io/prism")
    ? problem.type
    : null;
}
