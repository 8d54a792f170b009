import { createRedisServer, hasRedisServer } from "@thredfi/test-support/redis-server";
import type {} from "vitest";
import type { TestProject } from "vitest/node";
import { INSTALL_HINT } from "./install-hint.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** URL of the run's shared `redis-server`, or "" when it is not installed (tests skip). */
    redisUrl: string;
  }
}

/**
 * Starts one `redis-server` for the run on a free loopback port and provides its URL as
 * `inject("redisUrl")`. Without `redis-server` the tests skip with the install command, except
 * under CI (the `CI` variable set), where the run fails instead.
 */
export default async function setup(
  project: TestProject,
): Promise<(() => Promise<void>) | undefined> {
  if (!hasRedisServer()) {
    if (process.env.CI) {
      throw new Error(
        "redis-server is not installed, and under CI the Redis tests of @thredfi/token-store-redis must run: apt-get install -y redis-server",
      );
    }
    console.warn(`\n${INSTALL_HINT}\n`);
    project.provide("redisUrl", "");
    return undefined;
  }
  const server = await createRedisServer();
  await server.start();
  project.provide("redisUrl", server.url);
  return () => server.stop();
}
