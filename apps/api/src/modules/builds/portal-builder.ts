import { type AppConfig } from '../../core/config/app-config';
import { type WarmBuilder } from './builder-process';

/**
 * Runs one queued city portal build on the worker's warm builder (taking turns with OPD builds). A failure
 * leaves the live portal as it was and is thrown, so the queue retries it.
 */
export class PortalBuilder {
  constructor(
    private readonly warm: WarmBuilder,
    private readonly config: AppConfig,
  ) {}

  async run(): Promise<{ outcome: 'live'; totalMs: number | null }> {
    const result = await this.warm.build({
      api: this.config.sites.apiUrl,
      out: this.config.sites.dir,
      portal: true,
    });
    if (result.outcome !== 'live') throw new Error(`Portal build failed: ${result.log.slice(-500)}`);
    const summary = result.summary as { totalMs?: number } | null;
    return { outcome: 'live', totalMs: summary?.totalMs ?? null };
  }
}
