import type { ThredfiEnvironment } from "@thredfi/client";
import type { QuickstartConfig } from "./quickstart.js";

/** Credentials of the local mock: the partner id of Thredfi's docs and a made-up key. */
export const MOCK_CREDENTIALS = {
  partnerId: "a1b2c3d4-5678-90ab-cdef-1234567890ab",
  apiKey: "mock-api-key",
} as const;

/**
 * The real-API configuration from `THREDFI_PARTNER_ID`, `THREDFI_API_KEY` and the optional
 * `THREDFI_ENVIRONMENT` (default `sandbox`) and `THREDFI_BASE_URL`; `undefined` when neither
 * credential is set, meaning: run against the mock.
 */
export function realApiConfig(
  env: Record<string, string | undefined>,
): QuickstartConfig | undefined {
  const partnerId = env.THREDFI_PARTNER_ID || undefined;
  const apiKey = env.THREDFI_API_KEY || undefined;
  if (partnerId === undefined && apiKey === undefined) return undefined;
  if (partnerId === undefined || apiKey === undefined) {
    throw new Error(
      "Set both THREDFI_PARTNER_ID and THREDFI_API_KEY to run against Thredfi, or neither to run against the mock.",
    );
  }
  const baseUrl = env.THREDFI_BASE_URL || undefined;
  return {
    partnerId,
    apiKey,
    environment: environmentOf(env.THREDFI_ENVIRONMENT || "sandbox"),
    ...(baseUrl === undefined ? {} : { baseUrl }),
  };
}

const ENVIRONMENTS: readonly ThredfiEnvironment[] = [
  "production",
  "sandbox",
  "staging",
  "development",
];

function environmentOf(value: string): ThredfiEnvironment {
  const environment = ENVIRONMENTS.find((known) => known === value);
  if (environment) return environment;
  throw new Error(`THREDFI_ENVIRONMENT must be one of ${ENVIRONMENTS.join(", ")}, got "${value}"`);
}
