import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import type { StoredToken, TokenKey } from "@thredfi/auth";

/** The two keys derived from one partner's API key. */
export interface PartnerKeys {
  /** AES-256-GCM key sealing tokens at rest. */
  readonly seal: Buffer;
  /** HMAC-SHA-256 key naming Redis keys and fingerprinting tokens. */
  readonly name: Buffer;
}

/** The Redis key names of one token. */
export interface KeyNames {
  /** Holds the sealed token. */
  readonly token: string;
  /** Held by the one process fetching the token (`SET NX PX`). */
  readonly lock: string;
}

const SALT = "@thredfi/token-store-redis v1";
const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** How many API keys' derived keys are kept (a process normally has one; two while rotating). */
const MAX_PARTNER_KEYS = 8;

const derived = new Map<string, PartnerKeys>();

/**
 * The keys derived from `apiKey` with HKDF-SHA-256, computed once per API key. Whoever reads
 * Redis without the API key can neither open a token nor tell which partner or business a key
 * belongs to.
 */
export function partnerKeys(apiKey: string): PartnerKeys {
  let keys = derived.get(apiKey);
  if (!keys) {
    if (derived.size >= MAX_PARTNER_KEYS) derived.clear();
    const derive = (info: string) => Buffer.from(hkdfSync("sha256", apiKey, SALT, info, 32));
    keys = { seal: derive("token seal"), name: derive("key names") };
    derived.set(apiKey, keys);
  }
  return keys;
}

/**
 * The key names of `key`: `prefix` + an HMAC of base URL, partner id and business id (ids
 * lower-cased, as every spelling names the same token), so no id appears in clear.
 */
export function keyNames(keys: PartnerKeys, prefix: string, key: TokenKey): KeyNames {
  const scope = JSON.stringify([
    key.baseUrl,
    key.partnerId.toLowerCase(),
    key.businessId?.toLowerCase() ?? null,
  ]);
  const base = `${prefix}${mac(keys, `key\n${scope}`)}`;
  return { token: `${base}:token`, lock: `${base}:lock` };
}

/**
 * The start of the stored value of `accessToken`: what compare-and-delete compares. An HMAC of
 * the token, so it identifies a token without revealing it.
 */
export function valuePrefix(keys: PartnerKeys, accessToken: string): string {
  return `${VERSION}.${mac(keys, `token\n${accessToken}`)}.`;
}

/**
 * `token` sealed for the Redis key `name`: `v1.<fingerprint>.<base64 of IV, AES-256-GCM
 * ciphertext, tag>`. The key name and fingerprint are authenticated too, so a value copied
 * under another key does not open.
 */
export function seal(keys: PartnerKeys, name: string, token: StoredToken): string {
  const prefix = valuePrefix(keys, token.accessToken);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", keys.seal, iv);
  cipher.setAAD(Buffer.from(name + prefix));
  const plain = JSON.stringify({ t: token.accessToken, e: token.expiresAt, s: token.scope });
  const sealed = Buffer.concat([
    iv,
    cipher.update(plain, "utf8"),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  return prefix + sealed.toString("base64");
}

/** The token sealed in `value` under the key `name`, or `undefined` for anything else. */
export function open(keys: PartnerKeys, name: string, value: string): StoredToken | undefined {
  try {
    const end = value.lastIndexOf(".") + 1;
    const prefix = value.slice(0, end);
    const sealed = Buffer.from(value.slice(end), "base64");
    if (!prefix.startsWith(`${VERSION}.`) || sealed.length <= IV_BYTES + TAG_BYTES) return;
    const decipher = createDecipheriv("aes-256-gcm", keys.seal, sealed.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(name + prefix));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    const plain = Buffer.concat([
      decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)),
      decipher.final(),
    ]).toString("utf8");
    const { t, e, s } = JSON.parse(plain) as { t?: unknown; e?: unknown; s?: unknown };
    if (typeof t !== "string" || !t || typeof e !== "number" || !Number.isFinite(e)) return;
    if (s !== undefined && typeof s !== "string") return;
    if (prefix !== valuePrefix(keys, t)) return;
    return { accessToken: t, expiresAt: e, scope: s };
  } catch {
    return undefined;
  }
}

function mac(keys: PartnerKeys, text: string): string {
  return createHmac("sha256", keys.name).update(text).digest("base64url").slice(0, 32);
}
