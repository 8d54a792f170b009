import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CachedToken, cachedToken, createTokenCache } from "../src/token-cache.js";
import { readTokenGrant as readGrant } from "../src/token-grant.js";
import type { StoredToken } from "../src/types.js";

/** A grant read as the token layer reads it, timed for the cache. */
function readTokenGrant(grant: unknown, receivedAt: number, refreshMarginMs: number) {
  const token = readGrant(grant, receivedAt) as StoredToken;
  return cachedToken(token, receivedAt, refreshMarginMs);
}

type Key = "a" | "b";
const key = fc.constantFrom<Key>("a", "b");
const action = fc.oneof(
  fc.record({ type: fc.constant("get" as const), key }),
  fc.record({ type: fc.constant("advance" as const), ms: fc.integer({ min: 0, max: 4_000_000 }) }),
  fc.record({
    type: fc.constant("respond" as const),
    key,
    expiresIn: fc.integer({ min: 1, max: 7200 }),
  }),
  fc.record({ type: fc.constant("fail" as const), key }),
  fc.record({ type: fc.constant("invalidate" as const), key }),
  fc.record({ type: fc.constant("clear" as const) }),
  // Lands exactly on (or just before) a token's refresh or stale point, where off-by-one errors
  // live.
  fc.record({
    type: fc.constant("toPoint" as const),
    key,
    point: fc.constantFrom("refreshAt" as const, "staleAt" as const),
    offset: fc.constantFrom(-1, 0),
  }),
);

interface PendingRequest {
  key: Key;
  abandoned: boolean;
  settle(token: CachedToken | Error): void;
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe("token cache properties", () => {
  it("hands out no token past its stale point, runs one request per key and never makes a caller wait while a usable token is cached", async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", record);
    try {
      await checkStoreProperties();
    } finally {
      process.off("unhandledRejection", record);
    }
    // A failed background refresh has no waiter: its rejection must still be handled.
    expect(unhandled).toEqual([]);
  });

  it("keeps the refresh point at or before the stale point, and both within half the lifetime", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: 1, max: 100_000 }),
          fc.double({ min: 1e-3, max: 1e308, noNaN: true }),
        ),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 2 ** 40 }),
        (expiresIn, marginSeconds, receivedAt) => {
          const token = readTokenGrant(
            { access_token: "t", expires_in: expiresIn },
            receivedAt,
            marginSeconds * 1000,
          ) as CachedToken;
          const lifetime = Math.min(expiresIn, 31_536_000) * 1000;
          expect(token.expiresAt).toBe(receivedAt + lifetime);
          expect(Number.isFinite(token.expiresAt)).toBe(true);
          // Within a hundredth of a millisecond: the lifetime is read back from the expiry.
          expect(token.staleAt).toBeCloseTo(
            receivedAt + lifetime - Math.min(5000, lifetime / 2),
            2,
          );
          expect(token.refreshAt).toBeCloseTo(
            receivedAt + lifetime - Math.min(Math.max(marginSeconds * 1000, 5000), lifetime / 2),
            2,
          );
          expect(token.refreshAt).toBeLessThanOrEqual(token.staleAt);
          // Within a microsecond: fractional lifetimes round.
          expect(token.refreshAt - receivedAt).toBeGreaterThanOrEqual(lifetime / 2 - 1e-3);
        },
      ),
    );
  });
});

async function checkStoreProperties(): Promise<void> {
  await fc.assert(
    fc.asyncProperty(
      fc.array(action, { maxLength: 60 }),
      fc.integer({ min: 0, max: 900 }),
      async (actions, marginSeconds) => {
        let now = 1_000_000;
        let serial = 0;
        const pending: PendingRequest[] = [];
        const handedOut = new Map<Key, CachedToken>();
        const abandonedTokens = new Set<CachedToken>();
        // What the store should hold per key, kept by this model independently of the store.
        const expected = new Map<Key, CachedToken>();
        // Collected rather than thrown: a throw inside a promise callback would be swallowed.
        const violations: string[] = [];
        const store = createTokenCache<Key>(
          (requested) =>
            new Promise<CachedToken>((resolve, reject) => {
              if (pending.some((p) => p.key === requested && !p.abandoned)) {
                violations.push(`second live request for ${requested}`);
              }
              const request: PendingRequest = {
                key: requested,
                abandoned: false,
                settle: (result) => {
                  pending.splice(pending.indexOf(request), 1);
                  if (result instanceof Error) return reject(result);
                  if (request.abandoned) abandonedTokens.add(result);
                  else expected.set(requested, result);
                  resolve(result);
                },
              };
              pending.push(request);
            }),
          10,
          () => now,
        );

        for (const step of actions) {
          if (step.type === "get") {
            const startedAt = now;
            const known = expected.get(step.key);
            const cached = known && now < known.staleAt ? known : undefined;
            let settled = false;
            // A cached token comes back as is, anything else as a promise.
            Promise.resolve(store.get(step.key)).then(
              (token) => {
                settled = true;
                // Checked when handed out: the clock may have moved while it was in flight.
                if (now >= token.staleAt) violations.push(`handed out ${token.accessToken} late`);
                if (token.expiresAt <= startedAt) violations.push("handed out an old token");
                if (cached && token !== cached) violations.push("passed over a usable token");
                if (!abandonedTokens.has(token)) handedOut.set(step.key, token);
              },
              () => {
                settled = true;
              },
            );
            await flush();
            if (cached && !settled) violations.push("kept a caller waiting for a refresh");
            if (cached && now >= cached.refreshAt && !pending.some((p) => p.key === step.key)) {
              violations.push("started no refresh inside the refresh window");
            }
          } else if (step.type === "advance") {
            now += step.ms;
          } else if (step.type === "respond" || step.type === "fail") {
            const request = pending.find((p) => p.key === step.key);
            request?.settle(
              step.type === "fail"
                ? new Error("refused")
                : (readTokenGrant(
                    { access_token: `t${++serial}`, expires_in: step.expiresIn },
                    now,
                    marginSeconds * 1000,
                  ) as CachedToken),
            );
          } else if (step.type === "toPoint") {
            const token = handedOut.get(step.key);
            const at = token && token[step.point] + step.offset;
            if (at && at > now) now = at;
          } else if (step.type === "invalidate") {
            const token = handedOut.get(step.key);
            if (token) store.invalidate(step.key, token);
            if (token && expected.get(step.key) === token) expected.delete(step.key);
          } else {
            for (const request of pending) request.abandoned = true;
            store.clear();
            expected.clear();
          }
          await flush();
          expect(violations).toEqual([]);
          for (const k of ["a", "b"] as const) {
            const known = expected.get(k);
            expect(store.current(k)).toBe(known && now < known.staleAt ? known : undefined);
          }
        }
        for (const request of pending) request.settle(new Error("end of run"));
        await flush();
      },
    ),
    { numRuns: 300 },
  );
}
