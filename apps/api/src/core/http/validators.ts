import { BRAND_MIN_CONTRAST, brandColorContrast } from '@laman/shared';
import { registerDecorator, type ValidationOptions } from 'class-validator';

/**
 * An Indonesian phone number (+62… or 0…, digits with optional spaces, dots or dashes) that is not a
 * placeholder: in 2021 one OPD site listed "(0000)000000" as its phone.
 */
export function IsIndonesianPhone(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isIndonesianPhone',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate(value: unknown): boolean {
          if (typeof value !== 'string') return false;
          if (!/^\(?(\+62|0)[\d\s.()-]{6,18}$/.test(value.trim())) return false;
          const digits = value.replace(/\D/g, '').replace(/^62/, '0');
          return digits.length >= 8 && digits.length <= 14 && !looksLikePlaceholder(digits);
        },
      },
    });
}

/** Seven equal digits in a row, or a run like 12345678, is filler, not a number someone answers. */
function looksLikePlaceholder(digits: string): boolean {
  return /(\d)\1{6,}/.test(digits) || digits.includes('12345678') || digits.includes('87654321');
}

/** Lowercase slug usable in a URL and as a subdomain label. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,46}[a-z0-9]$/;

/** Slugs that would collide with platform hosts or routes. */
export const RESERVED_SLUGS = new Set([
  'admin',
  'api',
  'www',
  'portal',
  'static',
  'assets',
  'mail',
  'laman',
  'status',
  'docs',
]);

export function IsTenantSlug(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isTenantSlug',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && SLUG_PATTERN.test(value) && !RESERVED_SLUGS.has(value),
      },
    });
}

/** A brand colour dark enough for white header text and for links on white (WCAG AA, 4.5:1). */
export function HasBrandContrast(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'hasBrandContrast',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [BRAND_MIN_CONTRAST],
      options,
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' &&
          /^#[0-9a-f]{6}$/i.test(value) &&
          brandColorContrast(value) >= BRAND_MIN_CONTRAST,
      },
    });
}
