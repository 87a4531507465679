import {
  sleepUnlessAborted,
  type HostGate,
  type HostPermit,
  type TryAcquireResult,
} from '../fetch/host-limiter.js';
import type { DbHostGate, DbHostPermit } from './db-host-gate.js';

/** A permit of both gates; `handOver` lets the poll's recording statement free the shared part. */
export interface SharedHostPermit extends HostPermit {
  /** Frees the in-process part now and returns the shared part for the caller to release in SQL. */
  handOver(): { host: string; permitId: string };
}

/**
 * The in-process gate in front of the database gate: a replica queues its own requests to a host
 * in memory (no database round trip for a permit it cannot get anyway), and only the request at
 * the head of its queue asks the hosts table, which arbitrates between replicas.
 */
export class SharedHostGate implements HostGate {
  constructor(
    private readonly local: HostGate,
    private readonly shared: DbHostGate,
  ) {}

  async acquire(host: string, signal?: AbortSignal): Promise<SharedHostPermit> {
    const local = await this.local.acquire(host, signal);
    try {
      for (;;) {
        const result = await this.shared.tryAcquire(host);
        if (result.ok) return combine(local, result.permit as DbHostPermit);
        await sleepUnlessAborted(Math.max(1, result.retryAt - Date.now()), signal);
      }
    } catch (error) {
      await local.release();
      throw error;
    }
  }

  async tryAcquire(host: string): Promise<TryAcquireResult> {
    const local = await this.local.tryAcquire(host);
    if (!local.ok) return local;
    const shared = await this.shared.tryAcquire(host).catch(async (error: unknown) => {
      await local.permit.release();
      throw error;
    });
    if (shared.ok)
      return { ok: true, permit: combine(local.permit, shared.permit as DbHostPermit) };
    await local.permit.release();
    return shared;
  }

  async deferHost(host: string, until: number): Promise<void> {
    await Promise.all([this.local.deferHost(host, until), this.shared.deferHost(host, until)]);
  }
}

function combine(local: HostPermit, shared: DbHostPermit): SharedHostPermit {
  let sharedHeld = true;
  return {
    host: local.host,
    release: async () => {
      await local.release();
      if (!sharedHeld) return;
      sharedHeld = false;
      await shared.release();
    },
    handOver: () => {
      void local.release();
      sharedHeld = false;
      return { host: shared.host, permitId: shared.permitId };
    },
  };
}
