import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ERROR_CODES } from './error-codes';

export class FieldErrorDto {
  @ApiProperty({ example: 'email' }) field: string;
  @ApiProperty({ example: 'isEmail' }) constraint: string;
  @ApiProperty({ example: 'email harus berupa alamat email yang valid' }) message: string;
}

/** The one error shape every endpoint returns. */
export class ErrorResponseDto {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiProperty({ enum: ERROR_CODES, example: 'VALIDATION_FAILED' }) code: string;
  @ApiProperty({ example: 'Data yang dikirim tidak valid' }) message: string;
  @ApiPropertyOptional({ type: [FieldErrorDto] }) details?: FieldErrorDto[];
  @ApiProperty({ example: '0b6f3c1e-8a55-4d8e-9d0e-2f1b7c9a1d20' }) requestId: string;
}
