import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';

/**
 * A loop that starts once the application is up and, at shutdown, is asked to stop and awaited
 * (then `drain` runs) before connections close, so its last pass commits.
 */
export abstract class BackgroundLoop implements OnApplicationBootstrap, BeforeApplicationShutdown {
  protected running = false;
  private loop?: Promise<void>;

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    await this.loop;
    await this.drain();
  }

  /** Runs until `running` turns false. */
  protected abstract run(): Promise<void>;

  /** Work still in flight after the loop ended. */
  protected async drain(): Promise<void> {}
}
