/**
 * How long one periodic pass may work through what is due before it leaves the rest to the next pass: passes
 * stay well under a second however much is due (a new year re-scores every OPD; a Monday owes every OPD a
 * digest), and the advisory lock a pass holds is never held for long.
 */
export const PASS_BUDGET_MS = 500;

/**
 * Works through `items` in order until `budgetMs` has passed (at least one is always done); returns how many
 * were done. The caller's next pass picks up the rest.
 */
export async function withinBudget<T>(
  items: T[],
  work: (item: T) => Promise<unknown>,
  budgetMs = PASS_BUDGET_MS,
): Promise<number> {
  const started = performance.now();
  let done = 0;
  for (const item of items) {
    if (done > 0 && performance.now() - started >= budgetMs) break;
    await work(item);
    done++;
  }
  return done;
}
