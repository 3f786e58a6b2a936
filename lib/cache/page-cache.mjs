// The rendered pages kept for anonymous readers: an LRU bounded in bytes, with an index
// from each tag (see page-deps.mjs) to the pages that depend on it, so that a write drops
// exactly the pages showing what it changed. Pure (no I/O); scripts/reader-cache.mjs
// fills and serves it.

/** Rough bytes held per entry beyond its body: headers, key, tags, Map and Set slots. */
const OVERHEAD = 512;

export class PageCache {
  #entries = new Map(); // key → entry, least recently used first
  #byTag = new Map(); // tag → Set of keys
  #bytes = 0;
  stats = { hits: 0, misses: 0, stored: 0, evicted: 0, invalidated: 0, flushes: 0 };

  /** @param {{ maxBytes: number }} options */
  constructor({ maxBytes }) {
    this.maxBytes = maxBytes;
  }

  get size() {
    return this.#entries.size;
  }

  get bytes() {
    return this.#bytes;
  }

  get(key) {
    const entry = this.#entries.get(key);
    if (!entry) {
      this.stats.misses++;
      return undefined;
    }
    this.#entries.delete(key); // most recently used goes last
    this.#entries.set(key, entry);
    this.stats.hits++;
    return entry;
  }

  /** Stores `value` (whose size is `bytes`) under `key`, depending on `deps`; evicts the least recently used beyond the bound. */
  set(key, value, bytes, deps) {
    this.delete(key);
    const size = bytes + OVERHEAD + key.length * 2 + [...deps].reduce((n, t) => n + t.length * 2 + 16, 0);
    if (size > this.maxBytes) return false;
    const tags = [...deps].filter((t) => t !== "all"); // "all" empties the cache: no index needed
    this.#entries.set(key, { value, size, tags });
    this.#bytes += size;
    for (const tag of tags) {
      let keys = this.#byTag.get(tag);
      if (!keys) this.#byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    this.stats.stored++;
    while (this.#bytes > this.maxBytes) {
      const oldest = this.#entries.keys().next().value;
      this.delete(oldest);
      this.stats.evicted++;
    }
    return true;
  }

  delete(key) {
    const entry = this.#entries.get(key);
    if (!entry) return false;
    this.#entries.delete(key);
    this.#bytes -= entry.size;
    for (const tag of entry.tags) {
      const keys = this.#byTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.#byTag.delete(tag);
    }
    return true;
  }

  /** Drops every page that depends on any of `tags` ("all": every page). Returns how many. */
  invalidate(tags) {
    let dropped = 0;
    for (const tag of tags) {
      if (tag === "all") {
        this.stats.invalidated += dropped;
        return dropped + this.clear();
      }
      for (const key of [...(this.#byTag.get(tag) ?? [])]) if (this.delete(key)) dropped++;
    }
    this.stats.invalidated += dropped;
    return dropped;
  }

  clear() {
    const n = this.#entries.size;
    this.#entries.clear();
    this.#byTag.clear();
    this.#bytes = 0;
    this.stats.flushes++;
    this.stats.invalidated += n;
    return n;
  }
}
