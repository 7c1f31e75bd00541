import {
  registerDecorator,
  ValidateIf,
  type ValidationArguments,
  type ValidationOptions,
} from 'class-validator';

/** The date-time is later than (or, with `allowEqual`, the same as) another field of the same object. */
export function IsAfterField(
  other: string,
  options: ValidationOptions & { allowEqual?: boolean } = {},
): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isAfterField',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [other],
      options,
      validator: {
        validate(value: unknown, args: ValidationArguments): boolean {
          const before = (args.object as Record<string, unknown>)[other];
          if (typeof value !== 'string' || typeof before !== 'string') return true;
          const difference = new Date(value).getTime() - new Date(before).getTime();
          return options.allowEqual ? difference >= 0 : difference > 0;
        },
      },
    });
}

/**
 * Optional, except when a condition on the object holds (an exemption reason for an exempt document, a URL
 * for an online channel). Use instead of IsOptional, which would skip the check when the value is missing.
 */
export function OptionalUnless(
  condition: (object: Record<string, unknown>) => boolean,
  description: string,
): PropertyDecorator {
  return (target, propertyName) => {
    const key = String(propertyName);
    ValidateIf(
      (object: Record<string, unknown>) =>
        (object[key] !== undefined && object[key] !== null) || condition(object),
    )(target, propertyName);
    RequiredWhen(condition, description)(target, propertyName);
  };
}

/** Required when a condition on the object holds. */
export function RequiredWhen(
  condition: (object: Record<string, unknown>) => boolean,
  description: string,
  options: ValidationOptions = {},
): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'requiredWhen',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [description],
      options,
      validator: {
        validate(value: unknown, args: ValidationArguments): boolean {
          if (!condition(args.object as Record<string, unknown>)) return true;
          return value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');
        },
      },
    });
}
