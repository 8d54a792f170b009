/** A Map bounded to `capacity` entries that evicts the least recently used one. */
export type Lru<K, V> = Pick<Map<K, V>, "get" | "set" | "delete" | "clear">;

/** Creates an {@link Lru}; `capacity` must be at least 1. */
export function createLru<K, V>(capacity: number): Lru<K, V> {
  const entries = new Map<K, V>();
  // Skipping the re-insert for the newest key keeps repeated reads of one key free.
  let newest: K | undefined;
  return {
    get(key) {
      const value = entries.get(key);
      if (value !== undefined && key !== newest) {
        entries.delete(key);
        entries.set(key, value);
        newest = key;
      }
      return value;
    },
    set(key, value) {
      entries.delete(key);
      entries.set(key, value);
      newest = key;
      if (entries.size > capacity) entries.delete(entries.keys().next().value as K);
      return entries;
    },
    delete: (key) => entries.delete(key),
    clear: () => entries.clear(),
  };
}
