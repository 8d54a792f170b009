export {
  createRedisTokenStore,
  type RedisCommandClient,
  type RedisTokenStore,
  type RedisTokenStoreOptions,
} from "./create-redis-token-store.js";
