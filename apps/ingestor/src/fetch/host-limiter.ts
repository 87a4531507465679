/** Permission to make one request to a host; release it when the request is over. */
export interface HostPermit {
  readonly host: string;
  release(): Promise<void>;
}

export type TryAcquireResult = { ok: true; permit: HostPermit } | { ok: false; retryAt: number };

/**
 * Per-host politeness: how many requests may run at once and how far apart they must start.
 * All methods are async so a database-backed gate (shared by replicas, e.g. a lease row per host)
 * can implement the same interface as the in-process one.
 */
export interface HostGate {
  /** Waits until a request to `host` may start. Rejects with an AbortError if `signal` aborts. */
  acquire(host: string, signal?: AbortSignal): Promise<HostPermit>;
  /** Never waits: a permit now, or the earliest time (epoch ms) worth asking again. */
  tryAcquire(host: string): Promise<TryAcquireResult>;
  /** No request to `host` starts before `until` (epoch ms): the host-wide Retry-After. */
  deferHost(host: string, until: number): Promise<void>;
}

/** The key hosts are limited by: the lower-cased host name (port and scheme ignored). */
export function hostKeyOf(url: string | URL): string {
  const host = (typeof url === 'string' ? new URL(url) : url).hostname.toLowerCase();
  return host.endsWith('.') ? host.slice(0, -1) : host;
}

export async function withHostPermit<T>(
  gate: HostGate,
  host: string,
  work: () => Promise<T>,
  signal?: AbortSignal,
): Promise<T> {
  const permit = await gate.acquire(host, signal);
  try {
    return await work();
  } finally {
    await permit.release();
  }
}

export interface HostLimiterOptions {
  /** Requests in flight per host. Default 2. */
  maxConcurrentPerHost?: number;
  /** Minimum gap between the starts of two requests to one host. Default 1000 ms. */
  minDelayMs?: number;
  now?: () => number;
}

interface Waiter {
  resolve(permit: HostPermit): void;
  reject(err: Error): void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

interface HostState {
  active: number;
  /** Earliest start for the next request: last start + delay, or a deferral. */
  nextStartAt: number;
  waiters: Waiter[];
  timer?: NodeJS.Timeout;
}

const SWEEP_ABOVE = 1024;

/** What every HostGate rejects with when the caller's signal aborts a wait. */
export function abortError(): Error {
  const err = new Error('host permit wait aborted');
  err.name = 'AbortError';
  return err;
}

/** Waits `ms`, or rejects with `abortError()` as soon as `signal` aborts. */
export function sleepUnlessAborted(ms: number, signal?: AbortSignal): Promise<void> {
  // An 'abort' listener added after the fact never fires: an aborted signal rejects at once.
  if (signal?.aborted) return Promise.reject(abortError());
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(abortError());
      },
      { once: true },
    );
  });
}

/** The in-process HostGate: exact within one replica; pair it with a shared gate across replicas. */
export class InProcessHostGate implements HostGate {
  private readonly hosts = new Map<string, HostState>();
  private readonly max: number;
  private readonly delay: number;
  private readonly now: () => number;

  constructor(options: HostLimiterOptions = {}) {
    this.max = Math.max(1, options.maxConcurrentPerHost ?? 2);
    this.delay = Math.max(0, options.minDelayMs ?? 1000);
    this.now = options.now ?? Date.now;
  }

  acquire(host: string, signal?: AbortSignal): Promise<HostPermit> {
    if (signal?.aborted) return Promise.reject(abortError());
    const state = this.stateOf(host);
    if (state.waiters.length === 0 && this.canStart(state))
      return Promise.resolve(this.start(host, state));
    return new Promise<HostPermit>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, signal };
      if (signal) {
        waiter.onAbort = () => this.dropWaiter(host, state, waiter);
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      state.waiters.push(waiter);
      this.pump(host, state);
    });
  }

  async tryAcquire(host: string): Promise<TryAcquireResult> {
    const state = this.stateOf(host);
    if (state.waiters.length === 0 && this.canStart(state))
      return { ok: true, permit: this.start(host, state) };
    return {
      ok: false,
      retryAt: Math.max(
        state.nextStartAt,
        this.now() + (state.active >= this.max ? this.delay : 0),
      ),
    };
  }

  async deferHost(host: string, until: number): Promise<void> {
    const state = this.stateOf(host);
    state.nextStartAt = Math.max(state.nextStartAt, until);
    this.pump(host, state);
  }

  /** Hosts with state held (for tests and metrics). */
  get trackedHosts(): number {
    return this.hosts.size;
  }

  private stateOf(host: string): HostState {
    let state = this.hosts.get(host);
    if (!state) {
      if (this.hosts.size >= SWEEP_ABOVE) this.sweep();
      state = { active: 0, nextStartAt: 0, waiters: [] };
      this.hosts.set(host, state);
    }
    return state;
  }

  private canStart(state: HostState): boolean {
    return state.active < this.max && this.now() >= state.nextStartAt;
  }

  private start(host: string, state: HostState): HostPermit {
    state.active += 1;
    state.nextStartAt = Math.max(state.nextStartAt, this.now() + this.delay);
    let released = false;
    return {
      host,
      release: async () => {
        if (released) return;
        released = true;
        state.active -= 1;
        this.pump(host, state);
      },
    };
  }

  private pump(host: string, state: HostState): void {
    while (state.waiters.length > 0 && this.canStart(state)) {
      const waiter = state.waiters.shift()!;
      if (waiter.onAbort) waiter.signal?.removeEventListener('abort', waiter.onAbort);
      waiter.resolve(this.start(host, state));
    }
    this.armTimer(host, state);
  }

  /** Wakes the queue when the politeness delay ends (a release wakes it otherwise). */
  private armTimer(host: string, state: HostState): void {
    if (state.timer || state.waiters.length === 0 || state.active >= this.max) return;
    const wait = Math.max(1, state.nextStartAt - this.now());
    state.timer = setTimeout(() => {
      state.timer = undefined;
      this.pump(host, state);
    }, wait);
  }

  private dropWaiter(host: string, state: HostState, waiter: Waiter): void {
    const index = state.waiters.indexOf(waiter);
    if (index < 0) return;
    state.waiters.splice(index, 1);
    waiter.reject(abortError());
    this.pump(host, state);
  }

  private sweep(): void {
    const now = this.now();
    for (const [host, state] of this.hosts) {
      if (state.active === 0 && state.waiters.length === 0 && state.nextStartAt <= now)
        this.hosts.delete(host);
    }
  }
}
