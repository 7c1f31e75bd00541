import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { DomainError } from '../../core/errors/domain-error';
import { type ErrorCode } from '../../core/errors/error-codes';

const WORKER = path.join(__dirname, 'image-worker.mjs');
/** The child holds libvips' memory: it goes after this long without work and starts again on demand. */
const IDLE_STOP_MS = 30_000;
/** A decode is cut at 30 s inside the child; a child that does not answer well after that is stuck. */
const ANSWER_WITHIN_MS = 90_000;
/** Photos rendered at once: each holds one decoded image. */
const SLOTS = 2;

/** What the child may answer a photo with (image-worker.mjs). */
const REFUSALS = new Set(['PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'UNPROCESSABLE_FILE']);

export type ImageStage = 'first' | 'rest';

export interface RenderedFile {
  name: string;
  mimeType: string;
  bytes: number;
  width: number;
  height: number;
  format: 'avif' | 'webp' | 'jpeg';
  localPath: string;
}

export interface Rendition {
  width: number;
  height: number;
  dominantColor?: string;
  placeholder?: string;
  files: RenderedFile[];
}

interface Answer {
  id: number;
  rendition?: Rendition;
  error?: { code: string; message: string };
}

interface Pending {
  resolve(rendition: Rendition): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * The API's photo work in a child process (image-worker.mjs), started on demand and stopped when idle, so
 * libvips' memory is given back and a photo that crashes it cannot take the API down. Two photos at a time;
 * a waiting first stage (an editor is waiting for the upload) goes before a waiting rest stage.
 */
export class ImageProcess {
  private child: ChildProcess | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private running = 0;
  private readonly waiting: Record<ImageStage, Array<() => void>> = { first: [], rest: [] };
  private idleTimer: NodeJS.Timeout | null = null;

  async render(
    stage: ImageStage,
    request: { source: string; workDir: string; maxPixels: number },
  ): Promise<Rendition> {
    await this.takeSlot(stage);
    try {
      return await this.ask({ stage, ...request });
    } finally {
      this.releaseSlot();
    }
  }

  /** Stops the child (the API is shutting down). */
  stop(): void {
    this.child?.kill();
    this.child = null;
  }

  private ask(message: object): Promise<Rendition> {
    const child = this.ensureChild();
    const id = this.nextId++;
    return new Promise<Rendition>((resolve, reject) => {
      const timer = setTimeout(() => {
        // Stuck: replace the child; whatever it was doing fails.
        child.kill('SIGKILL');
      }, ANSWER_WITHIN_MS).unref();
      this.pending.set(id, { resolve, reject, timer });
      child.send({ id, ...message });
    });
  }

  private ensureChild(): ChildProcess {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (this.child) return this.child;
    const child = fork(WORKER, [], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      // libvips encodes on several threads; each glibc malloc arena they touch keeps its freed pages. One arena
      // measured 171–177 MB peak for a 12 MP photo against 194–207 MB with two and 273–334 MB with the default.
      env: { ...process.env, MALLOC_ARENA_MAX: '1' },
    });
    child.on('message', (answer: Answer) => this.answered(answer));
    child.on('exit', () => {
      if (this.child === child) this.child = null;
      // Whatever it held fails with a clear answer; the next photo starts a fresh child.
      for (const [id, waiting] of this.pending) {
        clearTimeout(waiting.timer);
        waiting.reject(new DomainError('UNPROCESSABLE_FILE', 'Gambar tidak dapat diproses. Coba foto lain.'));
        this.pending.delete(id);
      }
    });
    this.child = child;
    return child;
  }

  private answered(answer: Answer): void {
    const waiting = this.pending.get(answer.id);
    if (!waiting) return;
    this.pending.delete(answer.id);
    clearTimeout(waiting.timer);
    if (answer.rendition) waiting.resolve(answer.rendition);
    else {
      const { code, message } = answer.error ?? { code: 'UNPROCESSABLE_FILE', message: '' };
      waiting.reject(
        new DomainError(REFUSALS.has(code) ? (code as ErrorCode) : 'UNPROCESSABLE_FILE', message),
      );
    }
  }

  private takeSlot(stage: ImageStage): Promise<void> {
    if (this.running < SLOTS) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting[stage].push(resolve));
  }

  private releaseSlot(): void {
    const next = this.waiting.first.shift() ?? this.waiting.rest.shift();
    if (next) return next();
    this.running--;
    if (this.running === 0 && this.pending.size === 0 && this.child) {
      const child = this.child;
      this.idleTimer = setTimeout(() => {
        if (this.child === child && this.running === 0) {
          child.disconnect();
          this.child = null;
        }
      }, IDLE_STOP_MS).unref();
    }
  }
}
