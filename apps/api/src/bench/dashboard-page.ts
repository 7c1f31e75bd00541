/**
 * What the monitors' dashboard page asks the API for: the first page of scores (50 OPDs, lowest first, with the
 * city summary), then the city's trend with the series of the OPDs on that page. Answers how many OPDs the
 * city has and how many bytes came back; throws on any answer but 200.
 */
export async function loadDashboard(apiUrl: string, token: string): Promise<{ opds: number; bytes: number }> {
  const get = async (path: string) => {
    const response = await fetch(`${apiUrl}${path}`, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(600_000),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${path}: ${response.status} ${text.slice(0, 300)}`);
    return { body: JSON.parse(text) as unknown, bytes: Buffer.byteLength(text) };
  };
  const page = await get('/api/v1/admin/oversight?limit=50');
  const { items, summary } = page.body as { items: Array<{ slug: string }>; summary: { opds: number } };
  const slugs = items.map((row) => row.slug).join(',');
  const trend = await get(`/api/v1/admin/oversight/history?days=90&tenants=${slugs}`);
  return { opds: summary.opds, bytes: page.bytes + trend.bytes };
}
