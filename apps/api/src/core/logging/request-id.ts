import { randomUUID } from 'node:crypto';
import { type IncomingMessage, type ServerResponse } from 'node:http';

const GIVEN_ID = /^[\w-]{8,64}$/;

/** A caller-supplied X-Request-Id is kept when it looks sane, so ids can follow a request across proxies. */
export function requestIdOf(incoming: IncomingMessage, response: ServerResponse): string {
  const request = incoming as IncomingMessage & { id?: string };
  if (typeof request.id === 'string') return request.id;
  const given = request.headers['x-request-id'];
  request.id = typeof given === 'string' && GIVEN_ID.test(given) ? given : randomUUID();
  response.setHeader('X-Request-Id', request.id);
  return request.id;
}

export function assignRequestId(request: IncomingMessage, response: ServerResponse, next: () => void): void {
  requestIdOf(request, response);
  next();
}
