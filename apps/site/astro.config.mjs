import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';

// The builder points LAMAN_SNAPSHOT_FILE at a tenant's snapshot; without it, `astro build` renders the sample.
process.env.LAMAN_SNAPSHOT_FILE ||= path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'sample',
  'snapshot.json',
);

export default defineConfig({ output: 'static', build: { format: 'directory' } });
