/** Blocks remembered at most; past it, ended ones are dropped first, then the oldest. */
const CAPACITY = 10_000;

/**
 * Blocks this process has seen the shared counts (PostgreSQL) start, remembered until just before they end, so a
 * flood that is already refused is refused again without a database round trip. The shared store stays the
 * truth: a block only starts there, and it is remembered a second short of what the store answered (which
 * rounds up), so a process never refuses what the store would take.
 */
export class KnownBlocks {
  private readonly until = new Map<string, number>();

  constructor(
    private readonly capacity = CAPACITY,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Whole seconds until a remembered block of `key` ends (an upper bound, for Retry-After); 0 when none. */
  remaining(key: string): number {
    const until = this.until.get(key);
    if (until === undefined) return 0;
    const left = until - this.clock();
    if (left > 0) return Math.ceil(left / 1000) + 1;
    this.until.delete(key);
    return 0;
  }

  /** The store answered that `key` is blocked for `seconds` more (rounded up). */
  remember(key: string, seconds: number): void {
    if (seconds <= 1) return;
    if (this.until.size >= this.capacity && !this.until.has(key)) this.makeRoom();
    this.until.set(key, this.clock() + (seconds - 1) * 1000);
  }

  private makeRoom(): void {
    const now = this.clock();
    for (const [key, until] of this.until) if (until <= now) this.until.delete(key);
    if (this.until.size >= this.capacity) this.until.delete(this.until.keys().next().value!);
  }
}
