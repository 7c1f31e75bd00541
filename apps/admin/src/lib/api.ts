import type { AstroCookies } from 'astro';
import { LOCALE_COOKIE, localeFrom } from './i18n';
import { sendForm } from './request-body/send-form';

/** The API the admin talks to, server-side only (browsers never see tokens). */
export const API_URL = (process.env['LAMAN_API_URL'] ?? 'http://127.0.0.1:3000').replace(/\/$/, '');

const ACCESS = 'laman_akses';
const REFRESH = 'laman_sesi';

export interface Membership {
  tenantId: string;
  slug: string;
  name: string;
  shortName: string;
  tenantStatus: string;
  role: 'contributor' | 'editor' | 'tenant_admin';
  /** Slugs the OPD had before a rename: old bookmarks lead to its new address. */
  formerSlugs: string[];
  /** PPID duties in this OPD, beside the role. */
  duties: Array<'ppid_officer' | 'ppid_superior'>;
}

export interface Me {
  id: string;
  email: string;
  name: string;
  platformRole: 'platform_admin' | 'monitor' | null;
  memberships: Membership[];
}

interface TokenPair {
  accessToken: string;
  accessTokenExpiresIn: number;
  refreshToken: string;
  refreshTokenExpiresAt: string;
}

/** A field error from the API: `fields.title` → the form field `title`, with its message in Bahasa Indonesia. */
export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldError[] = [],
  ) {
    super(message);
  }

  /** Messages by the field's full path without the prefix (`fields.values.0.target` → `values.0.target`). */
  byPath(prefix = 'fields.'): Record<string, string> {
    const out: Record<string, string> = {};
    for (const detail of this.details) {
      const field = detail.field.startsWith(prefix) ? detail.field.slice(prefix.length) : detail.field;
      out[field] ??= fieldMessage(detail);
    }
    return out;
  }

  /** Messages by form field name (the last segment of the API's dotted path, e.g. `fields.cover.mediaId` → `cover`). */
  byField(prefix = 'fields.'): Record<string, string> {
    const out: Record<string, string> = {};
    for (const detail of this.details) {
      const field = detail.field.startsWith(prefix)
        ? detail.field.slice(prefix.length).split('.')[0]!
        : detail.field;
      out[field] ??= fieldMessage(detail);
    }
    return out;
  }
}

/**
 * The API names the field at the start of its message (`settings.contact.phone harus …`); next to the field
 * in a form that path is noise, so the message starts with the rule itself: "Harus …".
 */
export function fieldMessage(detail: FieldError): string {
  if (!detail.message.startsWith(`${detail.field} `)) return detail.message;
  const rest = detail.message.slice(detail.field.length + 1);
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/**
 * Headers on every call to the API: its errors in the language the person chose, and who the person is on
 * the network (the API trusts this admin as a proxy, so its sign-in throttles and logs see each person's
 * own address instead of the admin's).
 */
function passedOn(cookies: AstroCookies, client: Client): Record<string, string> {
  return {
    'accept-language': localeFrom(cookies.get(LOCALE_COOKIE)?.value),
    ...(client.ip ? { 'x-forwarded-for': client.ip } : {}),
    // The person's browser, not this server's fetch, is the device their session record names.
    ...(client.userAgent ? { 'user-agent': client.userAgent } : {}),
  };
}

/** The person on the other end, as the admin's edge resolved them. */
export interface Client {
  ip: string | null;
  userAgent: string | null;
}

export function setSession(cookies: AstroCookies, tokens: TokenPair, secure: boolean): void {
  const base = { httpOnly: true, sameSite: 'strict' as const, secure, path: '/' };
  cookies.set(ACCESS, tokens.accessToken, { ...base, maxAge: tokens.accessTokenExpiresIn });
  cookies.set(REFRESH, tokens.refreshToken, { ...base, expires: new Date(tokens.refreshTokenExpiresAt) });
}

export function clearSession(cookies: AstroCookies): void {
  cookies.delete(ACCESS, { path: '/' });
  cookies.delete(REFRESH, { path: '/' });
}

async function parse(response: Response): Promise<unknown> {
  const text = await response.text();
  const body = text ? (JSON.parse(text) as Record<string, unknown>) : null;
  if (response.ok) return body;
  throw new ApiError(
    response.status,
    String(body?.['code'] ?? 'ERROR'),
    String(body?.['message'] ?? `Permintaan gagal (${response.status})`),
    (body?.['details'] as FieldError[] | undefined) ?? [],
  );
}

export class ApiClient {
  constructor(
    private readonly cookies: AstroCookies,
    private readonly secure: boolean,
    private readonly client: Client = { ip: null, userAgent: null },
  ) {}

  signIn(email: string, password: string): Promise<Me> {
    return this.startSession('/api/v1/auth/login', { email, password });
  }

  /** Chooses a password with a one-time link (accepting an invitation, or resetting a password) and signs in. */
  startSessionWithLink(
    purpose: 'invitation' | 'password_reset',
    token: string,
    password: string,
  ): Promise<Me> {
    return this.startSession(
      purpose === 'invitation' ? '/api/v1/auth/invitations/accept' : '/api/v1/auth/password-reset',
      { token, password },
    );
  }

  get signedIn(): boolean {
    return Boolean(this.cookies.get(REFRESH)?.value);
  }

  get<T>(path: string): Promise<T> {
    return this.call<T>(path, { method: 'GET' });
  }

  send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
    return this.call<T>(path, {
      method,
      ...(body === undefined
        ? {}
        : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
  }

  upload<T>(path: string, form: FormData, method: 'POST' | 'PUT' = 'POST'): Promise<T> {
    return this.call<T>(path, { method, body: form });
  }

  /** Changes the password: the API ends every other session and answers with a new one for this device. */
  async changePassword(currentPassword: string, newPassword: string): Promise<void> {
    const session = await this.send<TokenPair>('POST', '/api/v1/auth/password', {
      currentPassword,
      newPassword,
    });
    setSession(this.cookies, session, this.secure);
  }

  /** Ends the session at the API too, so the refresh token cannot be used again. */
  async signOut(): Promise<void> {
    await this.send('POST', '/api/v1/auth/logout').catch(() => undefined);
    clearSession(this.cookies);
  }

  /** An HTML page the API renders (the preview), with its security policy; errors come back as ApiError. */
  async page(path: string): Promise<{ html: string; policy: string }> {
    const response = await this.authorized(path, { method: 'GET' });
    if (!response.ok) await parse(response);
    return {
      html: await response.text(),
      policy: response.headers.get('content-security-policy') ?? "default-src 'none'",
    };
  }

  /** Starts a session from an API answer that carries tokens; the tokens go into HttpOnly cookies. */
  private async startSession(path: string, body: object): Promise<Me> {
    const session = (await parse(
      await fetch(`${API_URL}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...passedOn(this.cookies, this.client) },
        body: JSON.stringify(body),
      }),
    )) as TokenPair & { user: Me };
    setSession(this.cookies, session, this.secure);
    return session.user;
  }

  private async call<T>(path: string, init: RequestInit): Promise<T> {
    return (await parse(await this.authorized(path, init))) as T;
  }

  private async authorized(path: string, init: RequestInit): Promise<Response> {
    let access = this.cookies.get(ACCESS)?.value ?? (await this.refresh());
    const headers = (token: string) => ({
      ...(init.headers as Record<string, string> | undefined),
      ...passedOn(this.cookies, this.client),
      authorization: `Bearer ${token}`,
    });
    // Forms carry files: streamed from the spool, never read into memory (send-form.ts). Sent again after a
    // refresh, the Blobs are read from disk again.
    const attempt = (token: string) =>
      init.body instanceof FormData
        ? sendForm(`${API_URL}${path}`, init.method as 'POST' | 'PUT', init.body, headers(token))
        : fetch(`${API_URL}${path}`, { ...init, headers: headers(token) });
    const response = await attempt(access);
    if (response.status !== 401) return response;
    access = await this.refresh();
    return attempt(access);
  }

  private async refresh(): Promise<string> {
    const refreshToken = this.cookies.get(REFRESH)?.value;
    if (!refreshToken) throw new ApiError(401, 'AUTH_REQUIRED', 'Silakan masuk terlebih dahulu');
    const response = await fetch(`${API_URL}/api/v1/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...passedOn(this.cookies, this.client) },
      body: JSON.stringify({ refreshToken }),
    });
    if (!response.ok) {
      clearSession(this.cookies);
      throw new ApiError(401, 'AUTH_REQUIRED', 'Sesi berakhir; silakan masuk lagi');
    }
    const tokens = (await response.json()) as TokenPair;
    setSession(this.cookies, tokens, this.secure);
    return tokens.accessToken;
  }
}
