import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CONFIG_REFERENCE_PAGE, configReferencePage } from '../core/config/config-reference-page';

/** `pnpm config-reference`: rewrites the documentation's configuration reference from the code. */
async function main(): Promise<void> {
  const target = path.resolve(__dirname, '../../../..', CONFIG_REFERENCE_PAGE);
  await writeFile(target, configReferencePage());
  console.log(`Wrote ${target}`);
}

void main();
