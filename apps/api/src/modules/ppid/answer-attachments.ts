import { Inject, Injectable } from '@nestjs/common';
import { type TenantTransaction } from '../../core/database/database.service';
import { DomainError, fieldError } from '../../core/errors/domain-error';
import { type Media } from '../media/media.entity';
import { MediaRepository } from '../media/media.repository';
import { MediaUrls } from '../media/media-urls';
import { type RequestEvent } from './information-request-events.repository';

/** A file an answer carries, as the requester (or the desk) may open it for an hour or two. */
export interface AttachmentView {
  fileName: string;
  url: string;
  mimeType: string;
  bytes: number;
}

/** Outcomes that hand information over: only they carry files. */
const HANDING_OVER = ['granted', 'partly_granted'];

/**
 * Files of the OPD's media library attached to the PPID's answer: checked when the answer is given (this OPD's
 * files, only when information is handed over), and shown on the steps with addresses signed for an hour or
 * two, so they reach whoever may read the request (its code and contact, or the PPID desk) and nobody else.
 */
@Injectable()
export class AnswerAttachments {
  constructor(
    @Inject(MediaRepository) private readonly media: MediaRepository,
    @Inject(MediaUrls) private readonly urls: MediaUrls,
  ) {}

  async check(tx: TenantTransaction, outcome: string, ids: string[] | undefined): Promise<string[]> {
    const wanted = [...new Set(ids ?? [])];
    if (!wanted.length) return [];
    const problem = !HANDING_OVER.includes(outcome)
      ? 'Lampiran hanya untuk jawaban dikabulkan atau dikabulkan sebagian'
      : (await this.media.findByIds(tx, wanted)).length !== wanted.length
        ? 'Pilih berkas dari pustaka media OPD ini'
        : null;
    if (problem)
      throw new DomainError('VALIDATION_FAILED', 'Data yang dikirim tidak valid', [
        fieldError('attachments', 'libraryFile', problem),
      ]);
    return wanted;
  }

  /** The steps with their files, each signed for this OPD's address (a file deleted since is left out). */
  async withFiles<T extends RequestEvent>(
    tx: TenantTransaction,
    tenantSlug: string,
    steps: T[],
  ): Promise<Array<Omit<T, 'attachments'> & { files: AttachmentView[] }>> {
    const found = await this.media.findByIds(tx, [...new Set(steps.flatMap((step) => step.attachments))]);
    const byId = new Map(found.map((media) => [media.id, media]));
    return steps.map(({ attachments, ...step }) => ({
      ...step,
      files: attachments.flatMap((id) => {
        const media = byId.get(id);
        return media ? [this.view(tenantSlug, media)] : [];
      }),
    }));
  }

  private view(tenantSlug: string, media: Media): AttachmentView {
    // The original upload (a document, or a photo's full size), else the largest variant stored.
    const main =
      media.files.find((file) => file.name.startsWith('file.') || file.name.startsWith('full.')) ??
      [...media.files].sort((a, b) => b.bytes - a.bytes)[0]!;
    return {
      fileName: media.fileName,
      url: this.urls.signedFile(tenantSlug, media, main.name),
      mimeType: main.mimeType,
      bytes: main.bytes,
    };
  }
}
