/**
 * Probes until `done` holds or `withinMs` has passed, and returns the last value seen (the caller asserts on
 * it, so a timeout fails with what was last seen). Time-based, not a count of attempts: a busy machine gets
 * fewer, slower probes in the same budget, never a shorter budget.
 */
export async function eventually<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  { withinMs, everyMs = 100 }: { withinMs: number; everyMs?: number },
): Promise<T> {
  const deadline = performance.now() + withinMs;
  let value = await probe();
  while (!done(value) && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, everyMs));
    value = await probe();
  }
  return value;
}

/** A page's text, or '' while it is not served (not built yet, the server still starting). */
export async function pageText(url: string, init?: RequestInit): Promise<string> {
  const response = await fetch(url, init).catch(() => null);
  return response?.ok ? response.text() : '';
}
