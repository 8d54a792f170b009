import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CachedToken, createTokenStore, readTokenGrant } from "../src/token-cache.js";

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
  // Lands exactly on (or just before) a token's refresh point, where off-by-one errors live.
  fc.record({ type: fc.constant("toRefreshPoint" as const), key, offset: fc.constantFrom(-1, 0) }),
);

interface PendingRequest {
  key: Key;
  abandoned: boolean;
  settle(token: CachedToken | Error): void;
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe("token cache properties", () => {
  it("never hands out a token past its refresh point and never runs two live requests per key", async () => {
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
          // Collected rather than thrown: a throw inside a promise callback would be swallowed.
          const violations: string[] = [];
          const store = createTokenStore<Key>(
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
              const startedAt = { now };
              store.get(step.key).then(
                (token) => {
                  // Checked when handed out: the clock may have moved while it was in flight.
                  if (now >= token.refreshAt)
                    violations.push(`handed out ${token.accessToken} late`);
                  if (token.expiresAt <= startedAt.now) violations.push("handed out an old token");
                  if (!abandonedTokens.has(token)) handedOut.set(step.key, token);
                },
                () => {},
              );
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
            } else if (step.type === "toRefreshPoint") {
              const token = handedOut.get(step.key);
              if (token && token.refreshAt + step.offset > now) now = token.refreshAt + step.offset;
            } else if (step.type === "invalidate") {
              const token = handedOut.get(step.key);
              if (token) store.invalidate(step.key, token);
            } else {
              for (const request of pending) request.abandoned = true;
              store.clear();
            }
            await flush();
            expect(violations).toEqual([]);
            for (const k of ["a", "b"] as const) {
              const cached = store.current(k);
              if (cached) {
                expect(now).toBeLessThan(cached.refreshAt);
                expect(abandonedTokens.has(cached)).toBe(false);
              }
            }
          }
          for (const request of pending) request.settle(new Error("end of run"));
          await flush();
        },
      ),
      { numRuns: 300 },
    );
  });

  it("caps the refresh margin at half the lifetime", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 2 ** 40 }),
        (expiresIn, marginSeconds, receivedAt) => {
          const token = readTokenGrant(
            { access_token: "t", expires_in: expiresIn },
            receivedAt,
            marginSeconds * 1000,
          );
          const lifetime = expiresIn * 1000;
          expect(token?.expiresAt).toBe(receivedAt + lifetime);
          expect(token?.refreshAt).toBe(
            receivedAt + lifetime - Math.min(marginSeconds * 1000, lifetime / 2),
          );
          expect(token && token.refreshAt - receivedAt).toBeGreaterThanOrEqual(lifetime / 2);
        },
      ),
    );
  });
});
