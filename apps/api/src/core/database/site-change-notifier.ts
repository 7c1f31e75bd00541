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
 * Tells every API instance that a tenant's public state changed. Inside a transaction it queues a
 * PostgreSQL NOTIFY (delivered to all instances only if the transaction commits) and an in-process signal
 * after commit (so this instance never serves stale data, even before the notification arrives).
 * A lost listener connection clears every subscriber's cache ("*") and reconnects; while it is lost,
 * `hearsEveryChange` is false and in-memory caches must not be trusted.
 */
@Injectable()
export class SiteChangeNotifier implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SiteChangeNotifier');
  private readonly events = new EventEmitter().setMaxListeners(50);
  private listener: Client | undefined;
  private stopped = false;

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
    await this.listener?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const client = new Client({
      connectionString: this.config.database.url,
      application_name: 'laman-listener',
    });
    client.on('notification', (message) => {
      if (message.channel === CHANNEL && message.payload) this.events.emit('change', message.payload);
    });
    client.on('error', (error) => this.reconnect(client, error));
    client.on('end', () => this.reconnect(client));
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.listener = client;
    // Anything read while nobody listened may be stale: caches start again from here.
    this.events.emit('change', '*');
  }

  private reconnect(client: Client, error?: Error): void {
    if (this.stopped || this.listener !== client) return;
    this.listener = undefined;
    this.events.emit('change', '*');
    this.logger.warn({ err: error }, 'Site-change listener lost; reconnecting');
    setTimeout(() => void this.listen().catch((failure) => this.reconnect(client, failure)), 1000).unref();
  }
}
