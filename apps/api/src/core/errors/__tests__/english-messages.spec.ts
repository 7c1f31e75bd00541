import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ENGLISH_TEMPLATES } from '../english-messages';
import { TEMPLATES } from '../validation-messages';

describe('English error messages', () => {
  it('exist for every validation rule the Indonesian templates know', () => {
    const rules = Object.keys(TEMPLATES).map((rule) =>
      rule === 'whitelistValidation' ? 'unknownField' : rule,
    );
    expect(rules.filter((rule) => !ENGLISH_TEMPLATES[rule])).toEqual([]);
  });

  it('name the field first, as the Indonesian ones do, so the admin can place them', () => {
    for (const [rule, template] of Object.entries(ENGLISH_TEMPLATES)) {
      expect([rule, template('judul', [['a', 'b'], 10]).startsWith('judul')]).toEqual([rule, true]);
    }
  });

  it('exist for every rule the services check themselves', () => {
    const root = path.resolve(__dirname, '../../..');
    const sources = readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && !file.includes('__tests__'))
      .map((file) => readFileSync(path.join(root, file), 'utf8'));
    const used = new Set(
      sources.flatMap((source) =>
        // A call may break its arguments over lines.
        [...source.matchAll(/(?:fieldError\(\s*[^,]+,\s*|constraint: )'([a-zA-Z]+)'/g)].map(
          (match) => match[1]!,
        ),
      ),
    );
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((rule) => !ENGLISH_TEMPLATES[rule])).toEqual([]);
  });
});
