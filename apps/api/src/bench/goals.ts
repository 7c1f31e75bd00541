import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Every benchmark states its goals as rows (figure, goal, met or not); `pnpm bench` ends with one table of all
 * the rows written by this run (`node dist/bench/goals.js`), also written to reports/bench-summary.json.
 */
export interface GoalRow {
  figure: string;
  value: string;
  goal: string;
  /** null: a figure printed for scale, with no goal of its own. */
  met: boolean | null;
}

const REPORTS = path.resolve(__dirname, '../../../../reports');
const PREFIX = 'bench-goals-';

export function recordGoals(bench: string, rows: GoalRow[]): void {
  mkdirSync(REPORTS, { recursive: true });
  writeFileSync(path.join(REPORTS, `${PREFIX}${bench}.json`), JSON.stringify({ bench, rows }, null, 2));
}

/** A list of sizes from the environment: unset → the default; "" or "0" or "none" → none at all. */
export function sizesFromEnv(name: string, fallback: number[]): number[] {
  const raw = process.env[name];
  if (raw === undefined) return fallback;
  return raw
    .split(',')
    .map((part) => Number(part.trim()))
    .filter((value) => Number.isInteger(value) && value > 0);
}

/** A count from the environment: unset or not a number → the default; 0 is a valid answer (skip that step). */
export function countFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return process.env[name] !== undefined && process.env[name] !== '' && Number.isInteger(value) && value >= 0
    ? value
    : fallback;
}

function summarize(): void {
  const files = existsSync(REPORTS) ? readdirSync(REPORTS).filter((name) => name.startsWith(PREFIX)) : [];
  const reports = files.map(
    (name) =>
      JSON.parse(readFileSync(path.join(REPORTS, name), 'utf8')) as { bench: string; rows: GoalRow[] },
  );
  const rows = reports.flatMap(({ bench, rows: own }) => own.map((row) => ({ bench, ...row })));
  console.log('\nSummary of this benchmark run (goals from the issues; "–" = a figure for scale):');
  console.table(
    rows.map((row) => ({
      bench: row.bench,
      figure: row.figure,
      value: row.value,
      goal: row.goal,
      met: row.met === null ? '–' : row.met ? 'yes' : 'NO',
    })),
  );
  writeFileSync(path.join(REPORTS, 'bench-summary.json'), JSON.stringify({ rows }, null, 2));
}

// `node dist/bench/goals.js --reset` at the start of `pnpm bench`, `node dist/bench/goals.js` at its end.
if (require.main === module) {
  if (process.argv.includes('--reset')) {
    if (existsSync(REPORTS))
      for (const name of readdirSync(REPORTS).filter((file) => file.startsWith(PREFIX)))
        rmSync(path.join(REPORTS, name));
  } else summarize();
}
