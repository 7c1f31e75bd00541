import { Transform, type TransformCallback } from 'node:stream';

/** Why the admin did not take a request body: each has its own status and message. */
export class BodyRefused extends Error {
  constructor(
    readonly reason: 'tooLarge' | 'malformed' | 'stalled',
    readonly limitBytes = 0,
  ) {
    super(reason);
  }

  get status(): 400 | 408 | 413 {
    return this.reason === 'tooLarge' ? 413 : this.reason === 'stalled' ? 408 : 400;
  }
}

/**
 * Counts a body's bytes as they pass and stops it past `limitBytes` (413), or when no byte has come for
 * `idleMs` (408): a client that announced a small body and sends more, or trickles one byte a minute, holds
 * neither memory nor a connection for long.
 */
export class BodyMeter extends Transform {
  private received = 0;
  private idle: NodeJS.Timeout;

  constructor(
    private readonly limitBytes: number,
    private readonly idleMs: number,
  ) {
    super();
    this.idle = this.armIdle();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.received += chunk.length;
    clearTimeout(this.idle);
    if (this.received > this.limitBytes) return done(new BodyRefused('tooLarge', this.limitBytes));
    this.idle = this.armIdle();
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    clearTimeout(this.idle);
    done();
  }

  override _destroy(error: Error | null, done: (error: Error | null) => void): void {
    clearTimeout(this.idle);
    done(error);
  }

  private armIdle(): NodeJS.Timeout {
    const timer = setTimeout(() => this.destroy(new BodyRefused('stalled')), this.idleMs);
    timer.unref();
    return timer;
  }
}
