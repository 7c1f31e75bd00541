import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import {
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  mixin,
  type NestInterceptor,
  type Type,
} from '@nestjs/common';
import { type Observable } from 'rxjs';
import { type AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { type Request, type Response } from 'express';
import multer from 'multer';
import { DomainError, fieldError } from '../errors/domain-error';

const MB = 1024 * 1024;

/** A file multer received (on disk, at `path`). */
export interface UploadedFile {
  path: string;
  originalname: string;
  size: number;
}

/** The request's file, or the clear refusal when none was sent. */
export function requireFile(file: UploadedFile | undefined): UploadedFile {
  if (!file) {
    throw new DomainError('VALIDATION_FAILED', 'Data yang dikirim tidak valid', [
      { field: 'file', constraint: 'isDefined', message: 'file wajib diisi' },
    ]);
  }
  return file;
}

/**
 * Receives one multipart file per field (`file`, or the fields named) — or, with `maxCount` above one, up to that
 * many in a single field — with multer, streaming each to a temporary file in `directory`: never held whole in
 * memory. Multer's own errors become clear Indonesian answers.
 */
export class SingleFileUpload {
  private readonly receive: ReturnType<multer.Multer['single']>;

  constructor(
    directory: string,
    private readonly maxBytes: number,
    private readonly fields: string[] = ['file'],
    private readonly maxCount = 1,
  ) {
    mkdirSync(directory, { recursive: true });
    const upload = multer({
      storage: multer.diskStorage({
        destination: directory,
        filename: (_request, _file, done) => done(null, randomBytes(12).toString('hex')),
      }),
      limits: {
        fileSize: maxBytes,
        files: fields.length * maxCount,
        fields: 10,
        fieldSize: 4096,
        parts: 10 + fields.length * maxCount,
      },
    });
    this.receive =
      maxCount > 1
        ? upload.array(fields[0]!, maxCount)
        : fields.length === 1
          ? upload.single(fields[0]!)
          : upload.fields(fields.map((name) => ({ name, maxCount: 1 })));
  }

  /** Receives the request's file (then at `request.file`), or throws the reason it could not. */
  async receiveFrom(context: ExecutionContext): Promise<void> {
    const http = context.switchToHttp();
    await new Promise<void>((resolve, reject) =>
      this.receive(http.getRequest<Request>(), http.getResponse<Response>(), (error: unknown) =>
        error ? reject(this.translate(error)) : resolve(),
      ),
    );
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
      const field = (error as { field?: string }).field ?? this.fields[0]!;
      const named = this.fields.includes(field) ? field : this.fields[0]!;
      return new DomainError('VALIDATION_FAILED', 'Data yang dikirim tidak valid', [
        this.maxCount > 1
          ? fieldError(
              named,
              'tooManyFiles',
              `kirim paling banyak ${this.maxCount} berkas pada kolom ${named}`,
              [this.maxCount],
            )
          : fieldError(
              named,
              'singleFile',
              `kirim tepat satu berkas pada kolom ${this.fields.join(' dan ')}`,
            ),
      ]);
    }
    return new DomainError(
      'MALFORMED_REQUEST',
      'Unggahan tidak dapat dibaca (multipart rusak atau terlalu banyak kolom)',
    );
  }
}

/**
 * An interceptor receiving one file per request into the folder `directory` names, up to `maxBytes` (both read
 * from the configuration): each upload route states its own folder and limit.
 */
export function SingleFileInterceptor(
  directory: (config: AppConfig) => string,
  maxBytes: (config: AppConfig) => number,
  fields: string[] = ['file'],
  maxCount = 1,
): Type<NestInterceptor> {
  @Injectable()
  class ReceiveOneFile implements NestInterceptor {
    private readonly upload: SingleFileUpload;

    constructor(@Inject(APP_CONFIG) config: AppConfig) {
      this.upload = new SingleFileUpload(directory(config), maxBytes(config), fields, maxCount);
    }

    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      await this.upload.receiveFrom(context);
      return next.handle();
    }
  }
  return mixin(ReceiveOneFile);
}
