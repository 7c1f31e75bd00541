import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SCHEMA_VARIABLES } from '../app-config';
import { CONFIG_REFERENCE } from '../config-reference';
import { CONFIG_REFERENCE_PAGE, configReferencePage } from '../config-reference-page';

const ROOT = path.resolve(__dirname, '../../../../../..');

/** Every source file of the apps (where a variable outside the API's schema may be read). */
function sources(): string {
  const texts: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (['node_modules', 'dist', '.astro', '__tests__', 'test'].includes(entry.name)) continue;
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.(ts|mjs|js|astro)$/.test(entry.name)) texts.push(readFileSync(file, 'utf8'));
    }
  };
  for (const app of ['api', 'admin', 'site']) walk(path.join(ROOT, 'apps', app));
  return texts.join('\n');
}

/**
 * The configuration reference cannot drift: every variable the schema reads is documented, every documented one
 * is read by some part, and the documentation's page is what the reference says (`pnpm config-reference`).
 */
describe('configuration reference', () => {
  const documented = CONFIG_REFERENCE.flatMap((variable) => variable.names);

  it('documents every variable of the configuration schema', () => {
    expect(SCHEMA_VARIABLES.filter((name) => !documented.includes(name))).toEqual([]);
  });

  it('documents no variable that nothing reads', () => {
    const code = sources();
    const unread = documented.filter(
      (name) => !SCHEMA_VARIABLES.includes(name) && !new RegExp(`\\b${name}\\b`).test(code),
    );
    expect(unread).toEqual([]);
  });

  it('is the page the documentation site shows (run `pnpm config-reference` after a change)', () => {
    expect(readFileSync(path.join(ROOT, CONFIG_REFERENCE_PAGE), 'utf8')).toBe(configReferencePage());
  });
});
