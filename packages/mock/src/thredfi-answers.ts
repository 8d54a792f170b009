/**
 * The environment variable that turns on {@link thredfiAnswersSource} in the host process: set
 * by `startMock()` when it serves the bundled Thredfi spec.
 */
export const thredfiAnswersFlag = "THREDFI_MOCK_ANSWERS";

/**
 * Source of the answers the mock gives before Prism sees a request, run in the host process
 * before Prism loads (plain CommonJS, like the rest of the host). Prism serves only what a spec
 * holds and cannot build an answer from the request's path; these answers need both:
 *
 * - `POST /v1/platform/{business_id}/oauth2/token/` with a Bearer token and a UUID business id
 *   answers a business token that names the business asked for, whatever its id (Prism alone
 *   answers only the example business). A `Prefer: code=<status>` other than 200, a missing
 *   Bearer token or a business id that is no UUID go on to Prism, which answers as the spec says.
 * - `Prefer: code=429`, `code=500`, `code=502` and `code=503` (each optionally with
 *   `, retry-after=<seconds>`) on any request answer that status with a `Retry-After` header
 *   (1 s unless asked otherwise) and Thredfi's error body: `{error, error_code}`, or on the
 *   partner-token endpoint, whose errors are OAuth2's, `{error, error_description}`. Thredfi's
 *   spec documents none of these statuses but the partner token's 500; they stay out of the spec
 *   and out of `@thredfi/types`.
 *
 * The layer wraps the request listener of every server the process creates with
 * `http.createServer`, which is how Prism's server is made (through micri). It adds no module
 * load to the start.
 */
export const thredfiAnswersSource = `
if (process.env.${thredfiAnswersFlag} === "1") {
  const http = require("node:http");
  const createServer = http.createServer;
  http.createServer = function createServerWithThredfiAnswers(...args) {
    const at = args.findIndex((arg) => typeof arg === "function");
    if (at !== -1) {
      const prism = args[at];
      args[at] = (request, response) => {
        if (!answeredByThredfiLayer(request, response)) prism(request, response);
      };
    }
    return createServer.apply(this, args);
  };
}

function answeredByThredfiLayer(request, response) {
  if (request.method === "OPTIONS") return false;
  const prefer = preferOf(request);
  const path = new URL(request.url ?? "/", "http://mock").pathname;
  const failure = failures[prefer.code];
  if (failure !== undefined) {
    const seconds = prefer.retryAfter ?? "1";
    const body = /^\\/v1\\/platform\\/oauth2\\/token\\/?$/.test(path)
      ? { error: failure.oauth2Error, error_description: failure.message(seconds) }
      : { error: failure.message(seconds), error_code: failure.errorCode };
    answerJson(request, response, Number(prefer.code), body, { "retry-after": seconds });
    return true;
  }
  const token = /^\\/v1\\/platform\\/([^/]+)\\/oauth2\\/token\\/?$/.exec(path);
  if (
    token !== null &&
    request.method === "POST" &&
    (prefer.code === undefined || prefer.code === "200") &&
    /^Bearer \\S+/i.test(request.headers.authorization ?? "") &&
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(token[1])
  ) {
    answerJson(request, response, 200, businessToken(token[1]), {});
    return true;
  }
  return false;
}

// Thredfi's error body of each status; OAuth2's error code where the partner-token endpoint answers.
const failures = {
  429: {
    errorCode: "rate_limited",
    oauth2Error: "temporarily_unavailable",
    message: (seconds) =>
      "Request was throttled. Expected available in " + seconds + (seconds === "1" ? " second." : " seconds."),
  },
  500: { errorCode: "server_error", oauth2Error: "server_error", message: () => "Internal server error" },
  502: { errorCode: "bad_gateway", oauth2Error: "server_error", message: () => "Bad gateway" },
  503: {
    errorCode: "service_unavailable",
    oauth2Error: "temporarily_unavailable",
    message: () => "Service temporarily unavailable",
  },
};

function preferOf(request) {
  const prefer = String(request.headers.prefer ?? "");
  const code = /(?:^|[\\s,;])code=(\\d{3})(?=$|[\\s,;])/i.exec(prefer)?.[1];
  const retryAfter = /(?:^|[\\s,;])retry-after=(\\d+)(?=$|[\\s,;])/i.exec(prefer)?.[1];
  return { code, retryAfter };
}

function businessToken(businessId) {
  const issuedAt = Math.floor(Date.now() / 1000);
  const part = (value) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const accessToken = [
    part({ alg: "HS256", typ: "JWT" }),
    part({ business_id: businessId, scope: "business_access", iat: issuedAt, exp: issuedAt + 3600 }),
    "thredfi-mock",
  ].join(".");
  return {
    access_token: accessToken,
    token_type: "Bearer",
    expires_in: 3600,
    scope: "business_access",
    business_id: businessId,
  };
}

// The headers Prism's own answers carry for cross-origin callers, so a browser reads these too.
function answerJson(request, response, status, body, headers) {
  request.resume();
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...headers,
    "access-control-allow-origin": request.headers.origin ?? "*",
    "access-control-allow-headers": request.headers["access-control-request-headers"] ?? "*",
    "access-control-allow-credentials": "true",
    "access-control-expose-headers": request.headers["access-control-expose-headers"] ?? "*",
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
  });
  response.end(text);
}
`;
