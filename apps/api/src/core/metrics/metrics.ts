import { timingSafeEqual } from 'node:crypto';
import { type IncomingMessage, type ServerResponse } from 'node:http';
import {
  collectDefaultMetrics,
  Counter,
  Gauge,
  Histogram,
  Registry,
  type CounterConfiguration,
  type GaugeConfiguration,
  type HistogramConfiguration,
} from 'prom-client';

/** Every metric's name starts so: one platform's series among others in a shared Prometheus. */
export const METRIC_PREFIX = 'laman_';

/**
 * One process's metrics in the Prometheus text format (prom-client): its own registry — never the library's
 * global one, so two applications in one process (the tests) do not share series — with Node's process metrics,
 * and whatever the parts of the process add (`counter`, `gauge`, `histogram`). A gauge with `collect` reads its
 * value when scraped, so what the database knows (queue depth, held builds, scheduler lag) costs nothing between
 * scrapes.
 */
export class Metrics {
  readonly registry = new Registry();

  constructor(role: 'api' | 'worker') {
    this.registry.setDefaultLabels({ role });
    collectDefaultMetrics({ register: this.registry, prefix: METRIC_PREFIX });
  }

  /** A counter; the one already registered under that name when there is one (parts sharing a metric). */
  counter<T extends string>(config: Omit<CounterConfiguration<T>, 'registers'>): Counter<T> {
    return this.once(config.name, () => new Counter({ ...config, registers: [this.registry] }));
  }

  gauge<T extends string>(config: Omit<GaugeConfiguration<T>, 'registers'>): Gauge<T> {
    return this.once(config.name, () => new Gauge({ ...config, registers: [this.registry] }));
  }

  histogram<T extends string>(config: Omit<HistogramConfiguration<T>, 'registers'>): Histogram<T> {
    return this.once(config.name, () => new Histogram({ ...config, registers: [this.registry] }));
  }

  private once<M>(name: string, create: () => M): M {
    return (this.registry.getSingleMetric(name) as M | undefined) ?? create();
  }

  /**
   * Answers a scrape: the metrics when the request carries `Authorization: Bearer <token>`, else 401. Metrics
   * are off (404) while no token is configured: what they tell (routes, volumes, queue depth) is for operators.
   */
  async answer(request: IncomingMessage, response: ServerResponse, token: string | null): Promise<void> {
    if (!token) return plain(response, 404, 'Not found');
    if (!bearerMatches(request.headers.authorization, token)) {
      response.setHeader('www-authenticate', 'Bearer realm="metrics"');
      return plain(response, 401, 'Unauthorized');
    }
    const body = await this.registry.metrics();
    response.writeHead(200, { 'content-type': this.registry.contentType, 'cache-control': 'no-store' });
    response.end(body);
  }
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.startsWith('Bearer ') ? header.slice(7) : '');
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

function plain(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  response.end(text);
}
