import { Injectable } from '@nestjs/common';

/**
 * Wakes the outbox relay when a commit queued articles, so they go out at once instead of at
 * the relay's next idle poll (OUTBOX_IDLE_MS, on average half of it per article). Other
 * replicas' commits are still found by polling.
 */
@Injectable()
export class OutboxSignal {
  private wake?: () => void;
  private pending = false;

  notify(): void {
    this.pending = true;
    this.wake?.();
  }

  /** Resolves after `ms`, or as soon as notify() is called (or was, since the last wait). */
  async wait(ms: number): Promise<void> {
    if (!this.pending) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
    this.pending = false;
  }
}
