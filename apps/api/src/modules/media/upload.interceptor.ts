import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { type Request, type Response } from 'express';
import multer from 'multer';
import { type Observable } from 'rxjs';
import { type AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import { DomainError } from '../../core/errors/domain-error';

const MB = 1024 * 1024;

/**
 * Receives one multipart file (field `file`) with multer, streaming it to a temporary file beside the media
 * storage: never held whole in memory. Multer's own errors become clear Indonesian answers.
 */
@Injectable()
export class UploadInterceptor implements NestInterceptor {
  private readonly receive: ReturnType<multer.Multer['single']>;
  private readonly maxBytes: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const incoming = path.join(config.media.dir, '.incoming');
    mkdirSync(incoming, { recursive: true });
    this.maxBytes = Math.max(config.media.maxImageBytes, config.media.maxDocumentBytes);
    this.receive = multer({
      storage: multer.diskStorage({
        destination: incoming,
        filename: (_request, _file, done) => done(null, randomBytes(12).toString('hex')),
      }),
      limits: { fileSize: this.maxBytes, files: 1, fields: 10, fieldSize: 4096, parts: 12 },
    }).single('file');
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    await new Promise<void>((resolve, reject) =>
      this.receive(http.getRequest<Request>(), http.getResponse<Response>(), (error: unknown) =>
        error ? reject(this.translate(error)) : resolve(),
      ),
    );
    return next.handle();
  }

  private translate(error: unknown): DomainError {
    const code = (error as { code?: string }).code;
    if (code === 'LIMIT_FILE_SIZE') {
      return new DomainError(
        'PAYLOAD_TOO_LARGE',
        `Berkas melebihi batas unggah ${Math.round(this.maxBytes / MB)} MB.`,
      );
    }
    if (code === 'LIMIT_FILE_COUNT' || code === 'LIMIT_UNEXPECTED_FILE') {
      return new DomainError('VALIDATION_FAILED', 'Data yang dikirim tidak valid', [
        { field: 'file', constraint: 'singleFile', message: 'kirim tepat satu berkas pada kolom file' },
      ]);
    }
    return new DomainError(
      'MALFORMED_REQUEST',
      'Unggahan tidak dapat dibaca (multipart rusak atau terlalu banyak kolom)',
    );
  }
}
