import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type INestApplication } from '@nestjs/common';
import request from 'supertest';
import { type DataSource } from 'typeorm';
import { loadConfig } from '../../src/core/config/app-config';
import { createAppDataSource } from '../../src/app-data-source';
import { createApp } from '../../src/create-app';
import { Given } from './given';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface TestApp {
  app: INestApplication;
  http: () => ReturnType<typeof request>;
  database: TestDatabase;
  /** A connection as the API's own role (subject to row-level security), for direct checks. */
  dataSource: DataSource;
  given: Given;
  close(): Promise<void>;
}

/** The real API (same createApp as production) on its own migrated database, over real HTTP via supertest. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const app = await createApp(testConfig(database, env));
  const dataSource = await createAppDataSource({ url: database.appUrl, poolSize: 2 }).initialize();
  const server = app.getHttpServer();
  const http = () => request(server);
  return {
    app,
    http,
    database,
    dataSource,
    given: new Given(dataSource, http),
    async close() {
      await app.close();
      await dataSource.destroy();
      await database.drop();
      await rm(mediaDirOf(database), { recursive: true, force: true });
      await rm(path.join(tmpdir(), `laman-sites-${database.name}`), { recursive: true, force: true });
    },
  };
}

/** Another API instance on the same database (as behind a load balancer). */
export async function startAnotherInstance(
  database: TestDatabase,
  env: Record<string, string> = {},
): Promise<{ app: INestApplication; http: () => ReturnType<typeof request>; close(): Promise<void> }> {
  const app = await createApp(testConfig(database, env));
  const server = app.getHttpServer();
  return { app, http: () => request(server), close: () => app.close() };
}

export function mediaDirOf(database: Pick<TestDatabase, 'name'>): string {
  return path.join(tmpdir(), `laman-media-${database.name}`);
}

/** The configuration every test API runs with, on `database` (its own media and sites folders by its name). */
export function testConfig(
  database: Pick<TestDatabase, 'name' | 'appUrl' | 'ownerUrl'>,
  env: Record<string, string>,
) {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.appUrl,
    DATABASE_OWNER_URL: database.ownerUrl,
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256',
    // Many sign-ins per second from one address in tests; the throttling suite sets its own limit.
    LOGIN_IP_LIMIT_PER_MINUTE: '100000',
    // Every test client is 127.0.0.1: the per-client failure count would otherwise join unrelated tests.
    LOGIN_CLIENT_MAX_FAILURES: '100000',
    // Tests drive the scheduler by hand (ScheduledPublisher.tick) with the clock they need.
    SCHEDULER_INTERVAL_SECONDS: '0',
    // The proof of work at its lightest, and no least fill time: the abuse suite sets its own.
    FORM_CHALLENGE_COST: '10',
    FORM_CHALLENGE_COUNTER_MAX: '20',
    FORM_MIN_FILL_SECONDS: '0',
    LAMAN_MEDIA_DIR: mediaDirOf(database),
    // Suspension and rollback act on the sites folder: each test database gets its own.
    LAMAN_SITES_DIR: path.join(tmpdir(), `laman-sites-${database.name}`),
    ...env,
  });
}
