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

/** The whole city at a glance (every active OPD, whatever the page shows). */
export interface CitySummary {
  opds: number;
  average: number | null;
  bands: Array<{ band: string; bandLabel: string; opds: number }>;
  kinds: Array<{ kind: string; opds: number }>;
}

/** One page of the monitors' dashboard, as the API pages it. */
export interface OversightPage {
  items: Completeness[];
  total: number;
  summary: CitySummary;
}

/** The most the API sends in one page. */
export const MAX_PAGE = 200;

/** Every active OPD's score, lowest first, read page by page (for the spreadsheets). */
export async function allScores(api: { get<T>(path: string): Promise<T> }): Promise<Completeness[]> {
  const rows: Completeness[] = [];
  for (let offset = 0; ; offset += MAX_PAGE) {
    const page = await api.get<OversightPage>(`/api/v1/admin/oversight?limit=${MAX_PAGE}&offset=${offset}`);
    rows.push(...page.items);
    if (page.items.length < MAX_PAGE || rows.length >= page.total) return rows;
  }
}

export interface ScorePoint {
  day: string;
  score: number;
  band: string;
}

/** The city's daily average, and the series of the OPDs asked for. */
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
