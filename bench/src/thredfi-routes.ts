import { businessListBody, businessTokenBody, partnerTokenBody } from "./fixtures.js";

/** What a benchmark server answers, and which kind of request it was. */
export interface RouteAnswer {
  kind: "partner-token" | "business-token" | "api";
  status: number;
  body: string;
}

/** Running counts of the requests a benchmark server has answered. */
export interface RequestCounts {
  partnerToken: number;
  businessToken: number;
  api: number;
}

/** Creates zeroed request counts. */
export function emptyCounts(): RequestCounts {
  return { partnerToken: 0, businessToken: 0, api: 0 };
}

const businessTokenPath = /^\/v1\/platform\/([0-9a-f-]{36})\/oauth2\/token\/$/;
const businessPath = /^\/v1\/platform\/businesses\/([0-9a-f-]{36})\//;

/**
 * Answers one request the way the Thredfi API would for the benchmark: tokens on the two token
 * endpoints, a small JSON body on every other path. Counts the request in `counts`.
 */
export function answerThredfiRequest(
  method: string,
  pathname: string,
  counts: RequestCounts,
): RouteAnswer {
  if (method === "POST" && pathname === "/v1/platform/oauth2/token/") {
    counts.partnerToken++;
    return { kind: "partner-token", status: 200, body: partnerTokenBody(counts.partnerToken) };
  }
  const tokenMatch = method === "POST" ? businessTokenPath.exec(pathname) : null;
  if (tokenMatch?.[1] !== undefined) {
    counts.businessToken++;
    return {
      kind: "business-token",
      status: 200,
      body: businessTokenBody(tokenMatch[1], counts.businessToken),
    };
  }
  counts.api++;
  const businessMatch = businessPath.exec(pathname);
  if (businessMatch?.[1] !== undefined) {
    return { kind: "api", status: 200, body: JSON.stringify({ id: businessMatch[1] }) };
  }
  return { kind: "api", status: 200, body: businessListBody };
}
