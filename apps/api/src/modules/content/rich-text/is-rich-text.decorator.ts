import { registerDecorator, type ValidationOptions } from 'class-validator';
import { assertRichText } from './rich-text';

/** A rich-text field: a Tiptap JSON document valid against the server's schema, at most `maxBytes` of JSON. */
export function IsRichText(options: ValidationOptions & { maxBytes?: number } = {}): PropertyDecorator {
  const maxBytes = options.maxBytes ?? 200_000;
  return (target, propertyName) =>
    registerDecorator({
      name: 'isRichText',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [maxBytes],
      options,
      validator: {
        validate(value: unknown): boolean {
          try {
            assertRichText(value);
            return JSON.stringify(value).length <= maxBytes;
          } catch {
            return false;
          }
        },
      },
    });
}
