import { axiosInterceptorClient } from "./axios.js";
import type { ClientTarget, HotPathRequest } from "./hot-path.js";
import {
  asyncMiddlewareClient,
  bareClient,
  fetchWrapperClient,
  headerlessClient,
  naiveTokenMiddlewareClient,
} from "./openapi-fetch.js";
import { resourceClient, resourceClientName } from "./resources.js";
import {
  authClient,
  authClientName,
  measuredClient,
  measuredClientName,
  thirdAttemptClient,
  thirdAttemptClientName,
} from "./thredfi.js";

/** The comparisons that pit clients against each other on the hot path. */
export type Comparison = "instructions" | "throughput";

/** One client of the hot-path comparisons. */
export interface ComparedClient {
  name: string;
  /** The comparisons it takes part in. */
  comparisons: readonly Comparison[];
  build(target: ClientTarget): HotPathRequest;
}

const both = ["instructions", "throughput"] as const;

/**
 * Every compared client, in the order the comparisons list them; `bare` comes first and is the
 * baseline of every ratio. The instruction count runs over an in-process `fetch`, so a client
 * that cannot take one (axios) only takes part in requests/s.
 */
export const comparedClients = [
  { name: "bare", comparisons: both, build: bareClient },
  { name: "bare (second client, null comparison)", comparisons: both, build: bareClient },
  {
    name: "bare, no Authorization header (floor)",
    comparisons: ["instructions"],
    build: headerlessClient,
  },
  {
    name: "fetch wrapper setting the header",
    comparisons: ["instructions"],
    build: fetchWrapperClient,
  },
  { name: "plain async middleware", comparisons: ["instructions"], build: asyncMiddlewareClient },
  { name: measuredClientName, comparisons: both, build: measuredClient },
  { name: resourceClientName, comparisons: both, build: resourceClient },
  { name: authClientName, comparisons: ["instructions"], build: authClient },
  { name: thirdAttemptClientName, comparisons: ["instructions"], build: thirdAttemptClient },
  {
    name: "openapi-fetch + naive token middleware",
    comparisons: ["throughput"],
    build: naiveTokenMiddlewareClient,
  },
  {
    name: "axios + token-refresh interceptor",
    comparisons: ["throughput"],
    build: axiosInterceptorClient,
  },
] as const satisfies readonly ComparedClient[];

type Entry = (typeof comparedClients)[number];

/** Names of the clients taking part in `comparison`. */
export type ClientName<C extends Comparison> = Entry extends infer E
  ? E extends { name: infer Name; comparisons: readonly (infer In)[] }
    ? C extends In
      ? Name
      : never
    : never
  : never;

/** The clients of `comparison`, baseline first. */
export function clientsIn<C extends Comparison>(comparison: C): ClientName<C>[] {
  return comparedClients
    .filter((client) => (client.comparisons as readonly Comparison[]).includes(comparison))
    .map((client) => client.name as ClientName<C>);
}

/** Builds the named client of `comparison`; throws on a name that takes no part in it. */
export function buildClient(
  comparison: Comparison,
  name: string | undefined,
  target: ClientTarget,
): HotPathRequest {
  const client = comparedClients.find(
    (entry) =>
      entry.name === name && (entry.comparisons as readonly Comparison[]).includes(comparison),
  );
  if (client === undefined) throw new Error(`unknown ${comparison} client ${name}`);
  return client.build(target);
}
