import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type BuildStatus = 'building' | 'live' | 'failed';

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
}
