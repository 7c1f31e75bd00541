import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** `held`: the checks found spam, so the previous site stays live. */
export type BuildStatus = 'building' | 'live' | 'failed' | 'held';

@Entity('site_builds')
export class SiteBuild {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ type: 'text' }) status: BuildStatus;
  @Column({ type: 'text' }) trigger: string;
  @Column({ name: 'job_id', type: 'text', nullable: true }) jobId: string | null;
  @Column({ type: 'integer' }) attempt: number;
  @Column({ name: 'started_at', type: 'timestamptz' }) startedAt: Date;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt: Date | null;
  @Column({ name: 'duration_ms', type: 'integer', nullable: true }) durationMs: number | null;
  @Column({ name: 'build_ms', type: 'integer', nullable: true }) buildMs: number | null;
  @Column({ type: 'integer', nullable: true }) pages: number | null;
  @Column({ type: 'text' }) log: string;
  @Column({ type: 'jsonb', nullable: true }) checks: SiteChecks | null;
  /** The build's folder under `<sites>/<tenant>/builds/`, while it is kept. */
  @Column({ type: 'text', nullable: true }) output: string | null;
}

/** What the builder's checks found (lists cut to 50 entries; the counts are exact). */
export interface SiteChecks {
  pages: number;
  counts: Record<'brokenLinks' | 'untitled' | 'missingAlt' | 'spam' | 'gamblingMentions', number>;
  brokenLinks: Array<{ page: string; href: string }>;
  untitled: string[];
  missingAlt: Array<{ page: string; src: string }>;
  spam: Array<{ page: string; reason: string; evidence: string }>;
  gamblingMentions: Array<{ page: string; evidence: string }>;
}
