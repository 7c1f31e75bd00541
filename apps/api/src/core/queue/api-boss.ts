import { type Logger } from '@nestjs/common';
import { type Db, type PgBoss, type SendOptions } from 'pg-boss';
import { type EntityManager } from 'typeorm';
import { type TenantTransaction } from '../database/database.service';
import { QUEUE_SCHEMA } from './queue-schema';

/**
 * A pg-boss client for an API process: the queue's schema is installed with the migrations, never here; two
 * connections; `supervise` (expiring jobs whose process died) only where background work runs.
 */
export async function startApiBoss(databaseUrl: string, logger: Logger, supervise = false): Promise<PgBoss> {
  const { PgBoss } = await import('pg-boss');
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: QUEUE_SCHEMA,
    migrate: false,
    supervise,
    schedule: false,
    max: 2,
  });
  boss.on('error', (error) => logger.error({ err: error }, 'pg-boss error'));
  await boss.start();
  return boss;
}

/** The caller's transaction's connection, also as pg-boss's `db` option: what it sends exists exactly when it commits. */
export async function bossDbOf(manager: EntityManager): Promise<TransactionDb> {
  const client = (await manager.queryRunner!.connect()) as {
    query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  };
  return {
    query: (text, values) => client.query(text, values),
    executeSql: (text, values) => client.query(text, values) as Promise<{ rows: never[] }>,
  };
}

export interface TransactionDb extends Db {
  query(text: string, values?: unknown[]): Promise<unknown>;
}

/** Sends a job on the caller's transaction's connection: it exists exactly when the transaction commits. */
export async function sendWithin<T extends object>(
  boss: PgBoss,
  tx: TenantTransaction,
  queue: string,
  data: T,
  options: SendOptions,
): Promise<{ id: string | null; query(text: string, values?: unknown[]): Promise<unknown> }> {
  const db = await bossDbOf(tx.manager);
  const id = await boss.send(queue, data, { ...options, db });
  return { id, query: db.query };
}
