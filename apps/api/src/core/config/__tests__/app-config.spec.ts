import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig, loadWorkerConfig } from '../app-config';

const BASE = { DATABASE_URL: 'postgresql://laman_app:pw@127.0.0.1:5432/laman', JWT_SECRET: 'x'.repeat(32) };

describe('configuration from the environment', () => {
  it('fills sensible defaults', () => {
    const config = loadConfig(BASE);
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', env: 'development', logLevel: 'info' });
    expect(config.database).toEqual({
      url: BASE.DATABASE_URL,
      ownerUrl: BASE.DATABASE_URL,
      poolSize: 10,
      migrateOnStart: true,
    });
    expect(config.auth.accessTtlSeconds).toBe(900);
  });

  it('names every bad variable and the value it got', () => {
    let error: unknown;
    try {
      loadConfig({ ...BASE, PORT: 'delapan', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/PORT .*\(got "delapan"\)/);
    expect(message).toMatch(/LOG_LEVEL .*\(got "loud"\)/);
    expect(message).toMatch(/DATABASE_URL must be a postgres/);
  });

  it('requires a database, a signing secret and a personal data key in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /DATABASE_URL is required in production[\s\S]*JWT_SECRET is required in production[\s\S]*PERSONAL_DATA_KEY is required in production/,
    );
    expect(() => loadConfig({ ...BASE, JWT_SECRET: 'short' })).toThrow(
      /JWT_SECRET must be at least 32 characters/,
    );
  });

  it('seals personal data under its own key, derived from the signing secret only outside production', () => {
    const key = randomBytes(32);
    expect(
      loadConfig({ ...BASE, PERSONAL_DATA_KEY: key.toString('base64') }).personalDataKey.equals(key),
    ).toBe(true);
    expect(() => loadConfig({ ...BASE, PERSONAL_DATA_KEY: 'rahasia' })).toThrow(
      /PERSONAL_DATA_KEY must be 32 bytes in base64/,
    );
    const derived = loadConfig(BASE).personalDataKey;
    expect(derived).toHaveLength(32);
    expect(derived.equals(loadConfig(BASE).personalDataKey)).toBe(true);
    expect(derived.toString('utf8')).not.toContain(BASE.JWT_SECRET);
  });

  it("gives the site worker in production neither the API's signing secret nor the personal data key", () => {
    const production = { NODE_ENV: 'production', DATABASE_URL: BASE.DATABASE_URL };
    expect(() => loadConfig(production)).toThrow(/JWT_SECRET is required/);
    const worker = loadWorkerConfig(production);
    expect(worker.personalDataKey).toHaveLength(32);
    expect(worker.personalDataKey.equals(loadWorkerConfig(production).personalDataKey)).toBe(false);
  });

  it('treats an empty variable as unset and lets launcher defaults fill the gaps', () => {
    const config = loadConfig(
      { PORT: '', DATABASE_URL: '' },
      { DATABASE_URL: BASE.DATABASE_URL, JWT_SECRET: BASE.JWT_SECRET },
    );
    expect(config.port).toBe(3000);
    expect(config.database.url).toBe(BASE.DATABASE_URL);
    expect(
      loadConfig({ ...BASE, PORT: '4000' }, { DATABASE_URL: 'postgresql://other/db' }).database.url,
    ).toBe(BASE.DATABASE_URL);
  });

  it('sends digests only through an smtp:// or smtps:// server, and none when it is unset or empty', () => {
    expect(loadConfig({ ...BASE, SMTP_URL: 'smtp://mail.example:587' }).mail.smtpUrl).toBe(
      'smtp://mail.example:587',
    );
    expect(loadConfig({ ...BASE, SMTP_URL: '' }).mail.smtpUrl).toBeNull();
    expect(() => loadConfig({ ...BASE, SMTP_URL: 'http://mail.example' })).toThrow(/SMTP_URL/);
  });

  it('trusts only the proxies it is given, never any peer', () => {
    expect(loadConfig({ ...BASE }).trustProxy).toBe(false);
    expect(loadConfig({ ...BASE, TRUST_PROXY: 'loopback, 172.30.0.10' }).trustProxy).toEqual([
      'loopback',
      '172.30.0.10',
    ]);
    expect(() => loadConfig({ ...BASE, TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ ...BASE, TRUST_PROXY: 'evil.example' })).toThrow(/TRUST_PROXY/);
  });

  it('parses booleans strictly', () => {
    expect(() => loadConfig({ ...BASE, MIGRATE_ON_START: 'sometimes' })).toThrow(/MIGRATE_ON_START/);
  });
});
