import axios, { type AxiosError, type InternalAxiosRequestConfig } from "axios";
import { listBusinessesPath } from "../support/fixtures.js";
import { createHandRolledTokenGetter } from "./hand-rolled-token.js";
import type { ClientTarget, HotPathRequest } from "./hot-path.js";
import {
  type PartnerTokenBody,
  partnerBasicAuthorization,
  partnerTokenForm,
} from "./partner-token-request.js";

interface RetriableConfig extends InternalAxiosRequestConfig {
  retriedAfter401?: boolean;
}

/**
 * axios with the token-refresh interceptor pair people write by hand: a request interceptor that
 * awaits the cached token, a response interceptor that drops it and replays once on 401. axios
 * sends over `node:http`, so a target's `fetch` does not apply.
 */
export function axiosInterceptorClient({ baseUrl }: ClientTarget): HotPathRequest {
  const api = axios.create({ baseURL: baseUrl });
  const tokens = createHandRolledTokenGetter(async () => {
    const response = await axios.post<PartnerTokenBody>(
      `${baseUrl}/v1/platform/oauth2/token/`,
      partnerTokenForm,
      {
        headers: {
          Authorization: partnerBasicAuthorization,
          "Content-Type": "application/x-www-form-urlencoded",
        },
      },
    );
    return response.data;
  });
  api.interceptors.request.use(async (config) => {
    config.headers.set("Authorization", `Bearer ${await tokens.getToken()}`);
    return config;
  });
  api.interceptors.response.use(undefined, async (error: AxiosError) => {
    const config = error.config as RetriableConfig | undefined;
    if (error.response?.status !== 401 || config === undefined || config.retriedAfter401) {
      throw error;
    }
    config.retriedAfter401 = true;
    tokens.drop();
    return api.request(config);
  });
  return async () => {
    await api.get(listBusinessesPath);
  };
}
