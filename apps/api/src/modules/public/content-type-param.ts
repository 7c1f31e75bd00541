import { Param, type PipeTransform } from '@nestjs/common';
import { DomainError, fieldError } from '../../core/errors/domain-error';
import { CONTENT_TYPES } from '../content/types/content-type';

const isContentType: PipeTransform<string, string> = {
  transform(value: string): string {
    if ((CONTENT_TYPES as readonly string[]).includes(value)) return value;
    throw new DomainError('VALIDATION_FAILED', 'Data yang dikirim tidak valid', [
      fieldError('type', 'isIn', `type harus salah satu dari: ${CONTENT_TYPES.join(', ')}`, [CONTENT_TYPES]),
    ]);
  },
};

/** The `:type` route parameter, one of the content types. */
export const ContentTypeParam = () => Param('type', isContentType);
