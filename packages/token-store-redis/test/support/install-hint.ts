/** What to tell a developer whose machine has no `redis-server`. */
export const INSTALL_HINT =
  "redis-server is not installed: the Redis tests of @thredfi/token-store-redis are skipped. Install Redis 7 with `apt-get install -y redis-server` (Debian/Ubuntu) or `brew install redis` (macOS).";
