import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

/** Trims surrounding white space from strings (phones paste them in). */
export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
export const trimLower = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

/** A required email address of a person (RFC 5321 length limit). */
export const EmailField = (example: string) =>
  applyDecorators(ApiProperty({ example, maxLength: 254 }), Transform(trim), IsEmail(), MaxLength(254));

/** A required full name of a person. */
export const PersonNameField = (example: string) =>
  applyDecorators(
    ApiProperty({ example, maxLength: 120 }),
    Transform(trim),
    IsString(),
    IsNotEmpty(),
    MaxLength(120),
  );

/** Optional trimmed free text with a length limit, documented in OpenAPI. */
const OptionalTextField = (maxLength: number, options: ApiPropertyOptions = {}, minLength?: number) =>
  applyDecorators(
    ApiPropertyOptional({ maxLength, ...options }),
    IsOptional(),
    Transform(trim),
    IsString(),
    ...(minLength ? [MinLength(minLength)] : []),
    MaxLength(maxLength),
  );

/** Alternative text of a picture: what it shows, for screen readers and slow links. */
export const AltTextField = (options: ApiPropertyOptions = {}) => OptionalTextField(250, options);

/** A picture's or file's caption. */
export const CaptionField = () => OptionalTextField(300);

/** A list's search words (`q`): what to look for, in the fields `description` names. */
export const SearchField = (description: string) => OptionalTextField(100, { description });

/** A street address; anything shorter than 10 characters is a placeholder, not an address. */
export const AddressField = (example: string) => OptionalTextField(300, { example }, 10);
