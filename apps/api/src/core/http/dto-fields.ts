import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';

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
