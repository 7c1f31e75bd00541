import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { CONTENT_FORMS } from '../../forms/content-forms';
import { SETTINGS_FIELDS } from '../../forms/settings-form';
import type { Field } from '../../forms/spec';
import { EDITOR_TEXTS, UPLOAD_TEXTS } from '../browser-texts';
import { EN } from '../en';
import { translator } from '../index';

const SRC = path.resolve(__dirname, '../../..');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === '__tests__' ? [] : sourceFiles(full);
    return /\.(astro|ts)$/.test(entry.name) ? [full] : [];
  });
}

/** Every text a form shows: labels, hints, row and button texts, choices. */
function formTexts(fields: Field[]): string[] {
  return fields.flatMap((field) => [
    field.label,
    ...(field.hint ? [field.hint] : []),
    ...(field.kind === 'select' ? field.options.map(([, label]) => label) : []),
    ...(field.kind === 'rows' ? [field.rowLabel, field.addLabel, ...formTexts(field.fields)] : []),
    ...(field.kind === 'group' ? formTexts(field.fields) : []),
  ]);
}

describe('English as the second locale', () => {
  it('has an English text for every text the pages pass to t()', () => {
    const used = sourceFiles(SRC).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*'((?:[^'\\]|\\.)*)'/g)].map((match) =>
        match[1]!.replace(/\\'/g, "'"),
      ),
    );
    expect(used.length).toBeGreaterThan(100);
    expect([...new Set(used)].filter((text) => !(text in EN))).toEqual([]);
  });

  it('has an English text for every label, hint and choice of every form, and for the browser scripts', () => {
    const texts = [
      ...Object.values(CONTENT_FORMS).flatMap((form) => [form.newTitle, ...formTexts(form.fields)]),
      ...formTexts(SETTINGS_FIELDS),
      ...EDITOR_TEXTS,
      ...UPLOAD_TEXTS,
    ];
    expect([...new Set(texts)].filter((text) => !(text in EN))).toEqual([]);
  });

  it('translates with placeholders, and leaves Bahasa Indonesia as it is', () => {
    expect(translator('en')('{label} wajib diisi', { label: 'Title' })).toBe('Title is required');
    expect(translator('id')('{label} wajib diisi', { label: 'Judul' })).toBe('Judul wajib diisi');
    expect(translator('en')('Teks yang belum diterjemahkan')).toBe('Teks yang belum diterjemahkan');
  });
});
