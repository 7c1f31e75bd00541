import { DomainError } from '../../core/errors/domain-error';

type Release = () => void;

interface Waiting {
  start(): void;
  refuse(error: DomainError): void;
}

/**
 * Who may render a preview now. A few run at once, each person runs at most one and waits with at most one:
 * a newer request from the same person replaces their waiting one (they have moved on), and when the waiting
 * room is full the answer is 429 with Retry-After. So one person flooding previews delays nobody else by more
 * than one render, and no waiting request holds an OPD's snapshot in memory (it is taken after entering).
 */
export class PreviewQueue {
  private readonly runningFor = new Set<string>();
  /** In arrival order (Map keeps insertion order). */
  private readonly waiting = new Map<string, Waiting>();

  constructor(
    private readonly slots: number,
    private readonly waitingRoom: number,
  ) {}

  enter(person: string): Promise<Release> {
    const earlier = this.waiting.get(person);
    if (earlier) {
      this.waiting.delete(person);
      earlier.refuse(superseded());
    } else if (this.waiting.size >= this.waitingRoom && !this.mayStartNow(person)) {
      return Promise.reject(full());
    }
    const entered = new Promise<Release>((resolve, reject) => {
      this.waiting.set(person, { start: () => resolve(this.start(person)), refuse: reject });
    });
    this.next();
    return entered;
  }

  get load(): { running: number; waiting: number } {
    return { running: this.runningFor.size, waiting: this.waiting.size };
  }

  private start(person: string): Release {
    this.runningFor.add(person);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.runningFor.delete(person);
      this.next();
    };
  }

  private mayStartNow(person: string): boolean {
    return this.runningFor.size < this.slots && !this.runningFor.has(person);
  }

  /** While a slot is free, the longest-waiting person who is not already rendering goes next. */
  private next(): void {
    for (const [person, entry] of this.waiting) {
      if (this.runningFor.size >= this.slots) return;
      if (this.runningFor.has(person)) continue;
      this.waiting.delete(person);
      entry.start();
    }
  }
}

function full(): DomainError {
  return new DomainError(
    'RATE_LIMITED',
    'Pratinjau sedang banyak diminta; coba lagi dalam beberapa detik',
    [],
    { 'Retry-After': '5' },
  );
}

function superseded(): DomainError {
  return new DomainError('RATE_LIMITED', 'Pratinjau ini digantikan oleh pratinjau Anda yang lebih baru', [], {
    'Retry-After': '1',
  });
}
