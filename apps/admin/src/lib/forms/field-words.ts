import { type Field } from './spec';

interface Words {
  labels: Map<string, string>;
  options: Map<string, string>;
}

function collect(fields: Field[], words: Words = { labels: new Map(), options: new Map() }): Words {
  for (const field of fields) {
    words.labels.set(field.name, field.label);
    if (field.kind === 'select') for (const [value, label] of field.options) words.options.set(value, label);
    if (field.kind === 'rows' || field.kind === 'group') collect(field.fields, words);
  }
  return words;
}

/**
 * An API message in the form's own words: field names become the labels the person sees ("harus setelah
 * validFrom" → "harus setelah Berlaku mulai"), a condition on a choice names the choice ("bila
 * informationClass = dikecualikan" → "bila Klasifikasi informasi "Dikecualikan""), and a leading field path
 * ("fields.startsAt: …") goes: the message already stands beside its field.
 */
export function inFormWords(message: string, fields: Field[]): string {
  const { labels, options } = collect(fields);
  const label = (name: string) => labels.get(name) ?? name;
  return (
    message
      .replace(/^(fields|settings)\.[\w.]+:?\s+/, '')
      .replace(/\b([a-z][A-Za-z]*)\s*=\s*([\w-]+)/g, (whole, name: string, value: string) =>
        labels.has(name) ? `${label(name)} "${options.get(value) ?? value}"` : whole,
      )
      // Only identifiers (camelCase): a plain word such as "phone" in an English message is a word, not a field.
      .replace(/\b[a-z]+[A-Z][A-Za-z]*\b/g, (word) => (labels.has(word) ? label(word) : word))
  );
}
