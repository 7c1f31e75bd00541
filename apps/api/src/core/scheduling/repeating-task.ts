import { type Logger } from '@nestjs/common';

/**
 * A pass that runs every few seconds in the API process (scheduled publishing, score history). Passes are
 * tracked so shutdown waits for the one running; a failed pass is logged and the next one tries again.
 */
export class RepeatingTask<T> {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<T> | undefined;

  constructor(
    private readonly pass: (now: Date) => Promise<T>,
    private readonly logger: Logger,
    private readonly failure: string,
  ) {}

  /** Every `seconds` (0: never; tests then run passes by hand). */
  start(seconds: number): void {
    if (seconds <= 0) return;
    this.timer = setInterval(
      () => void this.run().catch((error) => this.logger.error({ err: error }, this.failure)),
      seconds * 1000,
    );
    this.timer.unref();
  }

  run(now = new Date()): Promise<T> {
    this.running = this.pass(now);
    return this.running;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }
}
