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

export interface ScorePoint {
  day: string;
  score: number;
  band: string;
}

export interface CityTrend {
  days: string[];
  city: Array<{ day: string; average: number; tenants: number }>;
  tenants: Array<{ slug: string; name: string; points: ScorePoint[] }>;
}

/** Chart geometry for scores 0–100 over days: one point per day the score was recorded. */
export function trendPath(
  points: Array<{ day: string; value: number }>,
  width: number,
  height: number,
): { line: string; dots: Array<{ x: number; y: number }> } {
  if (points.length === 0) return { line: '', dots: [] };
  const first = Date.parse(points[0]!.day);
  const span = Math.max(1, Date.parse(points.at(-1)!.day) - first);
  const dots = points.map((point) => ({
    x:
      points.length === 1
        ? width / 2
        : Math.round(((Date.parse(point.day) - first) / span) * width * 10) / 10,
    y: Math.round((height - (point.value / 100) * height) * 10) / 10,
  }));
  return { line: dots.map((dot) => `${dot.x},${dot.y}`).join(' '), dots };
}
