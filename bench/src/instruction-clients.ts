import {
  asyncMiddlewareClient,
  bareClient,
  fetchWrapperClient,
  type HotPathRequest,
  headerlessClient,
} from "./openapi-fetch-clients.js";
import { thredfiPartnerClient } from "./thredfi-clients.js";

/** The clients whose instructions per request are counted, the baseline first. */
export const instructionClientNames = [
  "bare",
  "bare (second client, null comparison)",
  "bare, no Authorization header (floor)",
  "fetch wrapper setting the header",
  "plain async middleware",
  "thredfi.partner",
] as const;

/** Name of one client in the instruction count. */
export type InstructionClientName = (typeof instructionClientNames)[number];

/** Builds the named client over an in-process `fetch`, against the sandbox origin. */
export function createInstructionClient(
  name: InstructionClientName,
  fetch: typeof globalThis.fetch,
): HotPathRequest {
  const target = { baseUrl: "https://sandbox.thredfi.com", fetch };
  switch (name) {
    case "bare":
    case "bare (second client, null comparison)":
      return bareClient(target);
    case "bare, no Authorization header (floor)":
      return headerlessClient(target);
    case "fetch wrapper setting the header":
      return fetchWrapperClient(target);
    case "plain async middleware":
      return asyncMiddlewareClient(target);
    case "thredfi.partner":
      return thredfiPartnerClient(target);
  }
}
