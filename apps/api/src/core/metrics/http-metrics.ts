import { type NextFunction, type Request, type Response } from 'express';
import { type Metrics } from './metrics';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * Times every request by method, route template (`/api/v1/tenants/:tenant/content/:type`, never the address
 * itself: no series per id) and status. A request no route took (or only a catch-all) is `unmatched`, and an
 * unknown method `other`,
 * so a scan of random addresses cannot grow the series without bound.
 */
export function httpMetrics(metrics: Metrics) {
  const requests = metrics.histogram({
    name: 'laman_http_request_duration_seconds',
    help: 'HTTP requests by method, route template and status: how many, and how long they took',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  });
  return (request: Request, response: Response, next: NextFunction): void => {
    const end = requests.startTimer();
    response.once('finish', () =>
      end({
        method: METHODS.has(request.method) ? request.method : 'other',
        route: routeOf(request),
        status: String(response.statusCode),
      }),
    );
    next();
  };
}

/** The route template that answered; a catch-all (`/api/v1*path`, the framework's not-found) is `unmatched`. */
function routeOf(request: Request): string {
  const route = (request as Request & { route?: { path?: unknown } }).route;
  const path = typeof route?.path === 'string' ? `${request.baseUrl}${route.path}` : '';
  return path && !path.includes('*') ? path : 'unmatched';
}
