import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { CONTENT_FORMS } from '../content-forms';
import { type Field } from '../spec';

interface Schema {
  properties?: Record<
    string,
    Schema & { maxLength?: number; $ref?: string; items?: Schema & { $ref?: string } }
  >;
  $ref?: string;
}
const document = JSON.parse(
  readFileSync(path.resolve(__dirname, '../../../../../api/openapi.json'), 'utf8'),
) as {
  components: { schemas: Record<string, Schema> };
};
const schemas = document.components.schemas;
const resolve = (schema: Schema | undefined): Schema | undefined =>
  schema?.$ref ? schemas[schema.$ref.split('/').pop()!] : schema;

/** Every text field of a form beside the API's own limit for it (the OpenAPI document is the contract). */
function limits(
  fields: Field[],
  schema: Schema | undefined,
  at = '',
): Array<[string, number | undefined, number | undefined]> {
  return fields.flatMap((field) => {
    const property = schema?.properties?.[field.name];
    const name = `${at}${field.name}`;
    if (field.kind === 'text' || field.kind === 'textarea') return [[name, field.max, property?.maxLength]];
    if (field.kind === 'rows') return limits(field.fields, resolve(property?.items), `${name}[].`);
    if (field.kind === 'group') return limits(field.fields, resolve(property), `${name}.`);
    return [];
  });
}

describe('length limits: the form knows what the API allows', () => {
  const types = Object.keys(CONTENT_FORMS);
  it.each(types)('%s: every text field has the API’s maxLength, shown as its limit', (type) => {
    const schema = schemas[`${type[0]!.toUpperCase()}${type.slice(1)}Fields`];
    expect(schema).toBeDefined();
    const compared = limits(CONTENT_FORMS[type]!.fields, schema);
    expect(compared.filter(([, , apiMax]) => apiMax !== undefined).length).toBeGreaterThan(0);
    for (const [name, max, apiMax] of compared) {
      expect({ name, max }).toEqual({ name, max: apiMax });
    }
  });
});
