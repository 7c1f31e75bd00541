import { EventEmitter } from 'node:events';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Client } from 'pg';
import { type AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { type TenantTransaction } from './database.service';

const CHANNEL = 'laman_site_changes';
/**
 * The listener's connection is asked for a reply this often; one that does not answer within ANSWER_MS is
 * treated as lost. A connection can die without an error or an end (a dropped network path): without this
 * check, caches would trust it until their own expiry (30 s). With it, a lost listener is noticed within
 * PING_MS + ANSWER_MS (about 7 s), and every cache is cleared.
 */
const PING_MS = 5_000;
const ANSWER_MS = 2_000;
const RETRY_MS = 1_000;

/**
 * Tells every API instance that a tenant's public state changed. Inside a transaction it queues a
 * PostgreSQL NOTIFY (delivered to all instances only if the transaction commits) and an in-process signal
 * after commit (so this instance never serves stale data, even before the notification arrives).
 * A lost listener connection (an error, an end, or no answer to a ping) clears every subscriber's cache ("*")
 * and reconnects, retrying every second until it is back; while it is lost, `hearsEveryChange` is false and
 * in-memory caches must not be trusted. Once back it clears them again: anything read meanwhile may be stale.
 */
@Injectable()
export class SiteChangeNotifier implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SiteChangeNotifier');
  private readonly events = new EventEmitter().setMaxListeners(50);
  private listener: Client | undefined;
  private stopped = false;
  private pinger: NodeJS.Timeout | undefined;

  /** Whether this instance is listening, so that no committed change can go unheard. */
  get hearsEveryChange(): boolean {
    return this.listener !== undefined;
  }

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async tenantChanged(tx: TenantTransaction): Promise<void> {
    await tx.manager.query(`SELECT pg_notify($1, $2)`, [CHANNEL, tx.tenantId]);
    tx.afterCommit(() => this.events.emit('change', tx.tenantId));
  }

  /** `tenantId` is "*" when changes may have been missed. */
  subscribe(listener: (tenantId: string) => void): void {
    this.events.on('change', listener);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.pinger);
    await this.listener?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const client = new Client({
      connectionString: this.config.database.url,
      application_name: 'laman-listener',
      connectionTimeoutMillis: ANSWER_MS,
      // Every query on this connection is LISTEN or the ping: one unanswered this long means a lost connection.
      query_timeout: ANSWER_MS,
    });
    client.on('notification', (message) => {
      if (message.channel === CHANNEL && message.payload) this.events.emit('change', message.payload);
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      client.end().catch(() => undefined);
      throw error;
    }
    if (this.stopped) return void client.end().catch(() => undefined);
    this.listener = client;
    clearInterval(this.pinger);
    this.pinger = setInterval(() => void this.ping(client), PING_MS).unref();
    // Anything read while nobody listened may be stale: caches start again from here.
    this.events.emit('change', '*');
  }

  private async ping(client: Client): Promise<void> {
    try {
      await client.query('SELECT 1');
    } catch (error) {
      this.lost(client, error as Error);
      client.end().catch(() => undefined);
    }
  }

  /** The listening connection is gone: stop trusting caches, and listen again until it works. */
  private lost(client: Client, error?: Error): void {
    if (this.stopped || this.listener !== client) return;
    this.listener = undefined;
    clearInterval(this.pinger);
    this.events.emit('change', '*');
    this.logger.warn({ err: error }, 'Site-change listener lost; reconnecting');
    this.retry();
  }

  private retry(): void {
    setTimeout(() => {
      if (this.stopped) return;
      this.listen().catch((failure) => {
        this.logger.warn({ err: failure }, 'Site-change listener not back yet; retrying');
        this.retry();
      });
    }, RETRY_MS).unref();
  }
}
