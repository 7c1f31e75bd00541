import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';

/**
 * A service whose pass the API runs every few seconds (scheduled publishing, score history, digests). Shutdown
 * waits for the pass that is running; a failed pass is logged and the next one tries again. An interval of 0
 * runs nothing by itself: tests run passes by hand, with their own clock.
 */
export abstract class PeriodicService<T> implements OnApplicationBootstrap, OnApplicationShutdown {
  protected readonly logger: Logger;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<T> | undefined;

  protected constructor(
    name: string,
    private readonly intervalSeconds: number,
  ) {
    this.logger = new Logger(name);
  }

  protected abstract pass(now: Date): Promise<T>;

  onApplicationBootstrap(): void {
    if (this.intervalSeconds <= 0) return;
    this.timer = setInterval(
      () => void this.runPass().catch((error) => this.logger.error({ err: error }, 'Periodic pass failed')),
      this.intervalSeconds * 1000,
    );
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  protected runPass(now = new Date()): Promise<T> {
    this.running = this.pass(now);
    return this.running;
  }
}
