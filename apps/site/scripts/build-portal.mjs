#!/usr/bin/env node
// Builds the city portal and makes it live (see portal-builder.mjs):
//   node apps/site/scripts/build-portal.mjs --api http://localhost:3000 --out .data/sites
// Prints the build's summary as one JSON line; exit code 0 live, 1 failed (the live portal is unchanged).
import { parseArgs } from 'node:util';
import { buildPortal } from './portal-builder.mjs';

const { values } = parseArgs({ options: { api: { type: 'string' }, out: { type: 'string' } } });
if (!values.api || !values.out) {
  console.error('Usage: build-portal.mjs --api URL --out DIR');
  process.exit(2);
}
try {
  console.log(JSON.stringify(await buildPortal(values)));
  process.exit(0);
} catch (error) {
  console.error(
    `Portal build failed; the live portal is unchanged: ${error instanceof Error ? error.message : error}`,
  );
  process.exit(1);
}
