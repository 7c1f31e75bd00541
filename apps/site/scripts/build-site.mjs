#!/usr/bin/env node
// Builds one OPD's static site and makes it live (see site-builder.mjs for the steps and the folder layout):
//   node apps/site/scripts/build-site.mjs --api http://localhost:3000 --tenant disdukcapil --out .data/sites [--full]
//     [--spam-terms '[{"kind":"hold","term":"..."}]'] [--trusted-host api.example]
// Prints the build's summary as one JSON line. Exit codes: 0 live, 3 held (spam found), 1 failed; on 3 and 1
// the live site is unchanged. The site worker keeps a warm builder instead (builder-service.mjs).
import { parseArgs } from 'node:util';
import { BuildHeld, buildSite } from './site-builder.mjs';

const HELD = 3;
const { values } = parseArgs({
  options: {
    api: { type: 'string' },
    tenant: { type: 'string' },
    out: { type: 'string' },
    full: { type: 'boolean', default: false },
    'spam-terms': { type: 'string', default: '[]' },
    'trusted-host': { type: 'string', multiple: true, default: [] },
  },
});
if (!values.api || !values.tenant || !values.out) {
  console.error('Usage: build-site.mjs --api URL --tenant SLUG --out DIR [--full]');
  process.exit(2);
}

try {
  const request = {
    ...values,
    spamTerms: JSON.parse(values['spam-terms']),
    trustedHosts: values['trusted-host'],
  };
  console.log(JSON.stringify(await buildSite(request)));
  process.exit(0);
} catch (error) {
  if (error instanceof BuildHeld) {
    console.log(JSON.stringify({ ...error.summary, held: true }));
    console.error(`Build of ${values.tenant} held: online-gambling spam found; the live site is unchanged.`);
    process.exit(HELD);
  }
  console.error(
    `Build of ${values.tenant} failed; the live site is unchanged: ${error instanceof Error ? error.message : error}`,
  );
  process.exit(1);
}
