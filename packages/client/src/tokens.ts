import type { ThredfiTokens } from "@thredfi/auth";
import { thrownBy } from "./api-client.js";

/** The token layer's tokens, with a token request that timed out reported as `timeout`. */
export function wrapTokens(tokens: ThredfiTokens): ThredfiTokens {
  const context = { method: "POST", template: "token", signal: undefined };
  const reported = (error: unknown) => {
    throw thrownBy(error, context);
  };
  return {
    partner: () => tokens.partner().catch(reported),
    business: (businessId) => tokens.business(businessId).catch(reported),
    clear: () => tokens.clear(),
  };
}
