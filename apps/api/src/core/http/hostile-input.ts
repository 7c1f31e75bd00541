import { type IncomingMessage, type ServerResponse } from 'node:http';
import { writeErrorResponse } from './raw-error-response';

/**
 * How deep a JSON body may nest. Real bodies stay well under it: a service standard's rows of groups is under
 * 10, and rich text with lists five deep about 30. Thousands of levels only exhaust the stack of whatever
 * walks the body next (validation, transformation).
 */
export const MAX_JSON_DEPTH = 64;

/**
 * Refuses a request whose address (path or query) carries a NUL byte or broken percent-encoding: PostgreSQL
 * cannot store NUL in text, and no slug, id or search term contains one.
 */
export function rejectHostileUrl(request: IncomingMessage, response: ServerResponse, next: () => void): void {
  let decoded: string;
  try {
    decoded = decodeURIComponent(request.url ?? '');
  } catch {
    writeErrorResponse(request, response, 'MALFORMED_REQUEST', 'Alamat permintaan tidak dapat dibaca');
    return;
  }
  if (decoded.includes('\u0000')) {
    writeErrorResponse(request, response, 'MALFORMED_REQUEST', 'Alamat permintaan berisi karakter NUL');
    return;
  }
  next();
}

/** Refuses a parsed JSON body that nests deeper than MAX_JSON_DEPTH or has a NUL byte in a key or a text. */
export function rejectHostileJson(
  request: IncomingMessage & { body?: unknown },
  response: ServerResponse,
  next: () => void,
): void {
  const problem = findHostileJson(request.body);
  if (!problem) {
    next();
    return;
  }
  writeErrorResponse(
    request,
    response,
    'MALFORMED_REQUEST',
    problem.kind === 'depth'
      ? `Isi permintaan bersarang terlalu dalam (maksimal ${MAX_JSON_DEPTH} tingkat)`
      : `Isian ${problem.path || '(isi)'} berisi karakter NUL`,
  );
}

/** Walks the value without recursion (the point is not to trust its depth). */
export function findHostileJson(value: unknown): { kind: 'depth' | 'nul'; path: string } | null {
  const stack: Array<{ value: unknown; depth: number; path: string }> = [{ value, depth: 0, path: '' }];
  while (stack.length) {
    const { value: current, depth, path } = stack.pop()!;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return { kind: 'nul', path };
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= MAX_JSON_DEPTH) return { kind: 'depth', path };
    for (const [key, child] of Object.entries(current)) {
      const childPath = path ? `${path}.${key}` : key;
      if (key.includes('\u0000')) return { kind: 'nul', path: childPath.split('\u0000').join('\\0') };
      stack.push({ value: child, depth: depth + 1, path: childPath });
    }
  }
  return null;
}
