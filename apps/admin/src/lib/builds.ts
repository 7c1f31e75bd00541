import { formatAngka } from '@laman/shared';
/** A site build as the API reports it (newest first; a build still waiting shows as `queued`). */
export interface Build {
  id: string | null;
  status: string;
  trigger: string;
  attempt: number;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  pages: number | null;
  /** What the builder's checks found (exact counts). */
  checks: { counts: Record<'brokenLinks' | 'untitled' | 'missingAlt' | 'spam', number> } | null;
  log: string;
}

export const BUILD_LABELS: Record<string, string> = {
  queued: 'menunggu antrean',
  building: 'sedang diperbarui',
  live: 'sudah diperbarui',
  failed: 'gagal diperbarui',
  held: 'ditahan (ada temuan mirip spam judi online)',
};

export const seconds = (ms: number | null) =>
  ms === null ? '' : `${formatAngka(ms / 1000, { fractionDigits: 1 })} detik`;
