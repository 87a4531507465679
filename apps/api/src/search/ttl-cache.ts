/** A small map whose entries expire after `ttlMs`; emptied when full (cheap, no LRU order). */
export class TtlCache<T> {
  private readonly entries = new Map<string, { value: T; at: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.now() - entry.at < this.ttlMs) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  /** The cached value, or the one `load` gives (then kept); `undefined` is never cached. */
  async through(key: string, load: () => Promise<T>): Promise<T> {
    const cached = this.get(key);
    if (cached !== undefined) return cached;
    const value = await load();
    this.set(key, value);
    return value;
  }

  clear(): void {
    this.entries.clear();
  }

  set(key: string, value: T): void {
    if (this.ttlMs <= 0) return;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { value, at: this.now() });
  }
}

/**
 * One value loaded once, then reloaded in the background once `ttlMs` old: callers meanwhile
 * get the last value instead of waiting for the load (the first caller waits; concurrent
 * callers share one load). A failed reload keeps the last value until the next try.
 */
export class RefreshingValue<T> {
  private value?: { value: T; at: number };
  private loading?: Promise<T>;

  constructor(
    private readonly ttlMs: number,
    private readonly load: () => Promise<T>,
    private readonly now: () => number = Date.now,
  ) {}

  async get(): Promise<T> {
    if (!this.value) return this.reload();
    if (this.now() - this.value.at >= this.ttlMs) this.reload().catch(() => undefined);
    return this.value.value;
  }

  private reload(): Promise<T> {
    this.loading ??= this.load()
      .then((value) => {
        this.value = { value, at: this.now() };
        return value;
      })
      .finally(() => {
        this.loading = undefined;
      });
    return this.loading;
  }
}

/**
 * Values by key, each a RefreshingValue: loaded on first use, then reloaded in the background
 * once `ttlMs` old while callers get the last value. Emptied when full.
 */
export class RefreshingCache<T> {
  private readonly values = new Map<string, RefreshingValue<T>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The key's value; `load` (the first caller's) gives it and reloads it. */
  get(key: string, load: () => Promise<T>): Promise<T> {
    let value = this.values.get(key);
    if (!value) {
      if (this.values.size >= this.maxEntries) this.values.clear();
      value = new RefreshingValue(this.ttlMs, load, this.now);
      this.values.set(key, value);
    }
    return value.get();
  }
}
