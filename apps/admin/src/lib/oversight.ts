/** An OPD's completeness score as the API computes it (see the API's oversight module). */
export interface Completeness {
  tenantId: string;
  slug: string;
  name: string;
  kind: string;
  score: number;
  band: string;
  bandLabel: string;
  lastPublishedAt: string | null;
  daysSinceUpdate: number | null;
  checks: Array<{
    code: string;
    weight: number;
    met: boolean;
    text: string;
    values?: Record<string, string | number>;
  }>;
}

export const missing = (completeness: Completeness) => completeness.checks.filter((check) => !check.met);
