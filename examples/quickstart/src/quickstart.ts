import { createThredfiClient, type ThredfiEnvironment } from "@thredfi/client";

/** Where and as whom the quickstart runs. */
export interface QuickstartConfig {
  partnerId: string;
  apiKey: string;
  environment?: ThredfiEnvironment;
  /** Overrides `environment`, e.g. the URL of a local mock. */
  baseUrl?: string;
  /** Your own id of the business to create; creating is idempotent on it. Default `acme-001`. */
  externalId?: string;
}

/** Receives each line the quickstart prints. */
export type Printer = (line: string) => void;

/** What a partner's backend hands its frontend: a business-scoped token and nothing more. */
export interface FrontendToken {
  business_id: string;
  access_token: string;
  expires_in: number;
}

/**
 * The documented Thredfi flow, as a partner's backend runs it: partner token → list businesses →
 * create a business → business token → read that business with the business-scoped client →
 * the token a frontend receives.
 */
export async function runQuickstart(
  config: QuickstartConfig,
  print: Printer,
): Promise<FrontendToken> {
  const thredfi = createThredfiClient({
    partnerId: config.partnerId,
    apiKey: config.apiKey,
    ...(config.environment === undefined ? {} : { environment: config.environment }),
    ...(config.baseUrl === undefined ? {} : { baseUrl: config.baseUrl }),
  });

  step(print, 1, "Get a partner token (Basic partner id + API key)");
  const partnerToken = await thredfi.tokens.partner();
  const partnerTokenShown = maskToken(partnerToken.access_token);
  detail(print, `${partnerTokenShown}, expires in ${partnerToken.expires_in} s`);

  step(print, 2, "List the partner's businesses");
  const businesses = await thredfi.partner.GET("/v1/platform/businesses/", {
    params: { query: { page: 1, page_size: 5 } },
  });
  if (businesses.error) throw apiError("listing businesses", businesses.response, businesses.error);
  detail(print, `${businesses.data.results.length} on the first page`);
  for (const business of businesses.data.results) detail(print, `- ${describe(business)}`);

  const externalId = config.externalId ?? "acme-001";
  step(print, 3, `Create a business with external_id "${externalId}"`);
  const created = await thredfi.partner.POST("/v1/platform/businesses/", {
    body: {
      external_id: externalId,
      legal_name: "Acme Widgets Ltd",
      entity_type: "company",
      email: "finance@acme.example",
      country: "GB",
      base_currency: "GBP",
    },
  });
  if (created.error) throw apiError("creating the business", created.response, created.error);
  const businessId = created.data.id;
  const outcome = created.response.status === 201 ? "created" : "already there (same external_id)";
  detail(print, `${outcome}: ${describe(created.data)}`);

  step(print, 4, "Get a token scoped to that business");
  const businessToken = await thredfi.tokens.business(businessId);
  detail(print, `scope ${businessToken.scope ?? "(none)"}, business ${businessToken.business_id}`);

  step(print, 5, "Read the business with the business-scoped client");
  const fetched = await thredfi.business(businessId).GET("/v1/platform/businesses/{business_id}/", {
    params: { path: { business_id: businessId } },
  });
  if (fetched.error) throw apiError("reading the business", fetched.response, fetched.error);
  detail(print, describe(fetched.data));

  step(print, 6, "Hand the business token to the frontend");
  const frontendToken: FrontendToken = {
    business_id: businessToken.business_id,
    access_token: businessToken.access_token,
    expires_in: businessToken.expires_in,
  };
  const shown = { ...frontendToken, access_token: maskToken(frontendToken.access_token) };
  for (const line of JSON.stringify(shown, null, 2).split("\n")) detail(print, line);
  return frontendToken;
}

/** Shows that a token is there without showing the token: its first characters and its length. */
export function maskToken(token: string): string {
  return `${token.slice(0, 6)}…(${token.length} chars)`;
}

function describe(business: { id: string; external_id: string; legal_name: string }): string {
  return `${business.legal_name} (external_id ${business.external_id}, id ${business.id})`;
}

function step(print: Printer, number: number, title: string): void {
  print(`\n${number}/6 ${title}`);
}

function detail(print: Printer, text: string): void {
  print(`    ${text}`);
}

function apiError(what: string, response: Response, body: unknown): Error {
  return new Error(`Thredfi answered ${response.status} when ${what}: ${JSON.stringify(body)}`);
}
