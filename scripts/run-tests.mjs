#!/usr/bin/env node
// `pnpm test`: check formatting, lint and typecheck every package, run every package's tests (turbo), then
// print the totals of all suites on one line, "N passed, N failed", as the last line of output.
// Exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reportDir = path.join(root, 'reports');
rmSync(reportDir, { recursive: true, force: true });

function run(label, command) {
  console.log(`\n▶ ${label}: ${command.join(' ')}`);
  const result = spawnSync('pnpm', ['exec', ...command], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, LAMAN_REPORT_DIR: reportDir },
  });
  return result.status === 0;
}

const steps = [
  ['formatting', ['prettier', '--check', '.', '--log-level=warn']],
  ['lint and typecheck', ['turbo', 'run', 'lint', 'typecheck', '--output-logs=errors-only']],
  ['tests', ['turbo', 'run', 'test', '--concurrency=1', '--continue']],
];
const failedSteps = steps.filter(([label, command]) => !run(label, command)).map(([label]) => label);

let passed = 0;
let failed = 0;
const lines = [];
const slowest = [];
if (existsSync(reportDir)) {
  for (const file of readdirSync(reportDir).filter((name) => name.endsWith('.json'))) {
    const totals = JSON.parse(readFileSync(path.join(reportDir, file), 'utf8'));
    passed += totals.passed;
    failed += totals.failed;
    lines.push(
      `  ${totals.package}: ${totals.passed} passed, ${totals.failed} failed (${totals.suites} suites)`,
    );
    for (const { test, ms } of totals.slowest ?? []) slowest.push({ test: `${totals.package} ${test}`, ms });
  }
}

// The slowest tests of the run: each one's budget should stay at three times this or more.
console.log('\nSlowest tests:');
for (const { test, ms } of slowest.sort((a, b) => b.ms - a.ms).slice(0, 12))
  console.log(`  ${(ms / 1000).toFixed(1).padStart(6)} s  ${test}`);
// A failed step with no failing test behind it (a lint error, a crash before jest reported) still counts.
if (failedSteps.length && failed === 0) failed = failedSteps.length;

console.log('\nTest totals by package:');
console.log(lines.join('\n') || '  (no test reports were written)');
if (failedSteps.length) console.log(`Failed steps: ${failedSteps.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failedSteps.length || failed ? 1 : 0);
