import { fileURLToPath } from "node:url";

/**
 * A one-operation spec (`GET /ping`) for the tests of starting and stopping Prism: Prism loads it
 * in a fraction of the time it takes for the bundled Thredfi spec.
 */
export const pingSpec = fileURLToPath(new URL("fixtures/ping.yaml", import.meta.url));

/** Asks a mock of {@link pingSpec} for its one answer. */
export function ping(url: string): Promise<Response> {
  return fetch(`${url}/ping`);
}
