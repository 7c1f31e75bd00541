import { type ChildProcess, spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import path from 'node:path';
import { type S3Settings } from '../../core/config/app-config';
import { type SiteChecks } from './site-build.entity';
import { type Publication } from './site-pointers';

const SITE_SCRIPTS = path.resolve(__dirname, '../../../../site/scripts');
const SERVICE = path.join(SITE_SCRIPTS, 'builder-service.mjs');
const TIMEOUT_MS = 10 * 60_000;
/** How much of a builder's output a build record keeps (the end, where the summary and errors are). */
export const BUILD_LOG_LIMIT = 8_000;

export type Outcome = 'live' | 'failed' | 'held';

export interface SiteBuildRequest {
  api: string;
  out: string;
  tenant: string;
  /** Diskominfotik's additions to the spam lexicon, read by the build's last-line checks. */
  spamTerms: Array<{ kind: string; term: string }>;
  /** The platform's own hosts (where the site's files come from): never suspicious in the checks. */
  trustedHosts: string[];
  /** Render every page (a rebuild after a theme change), not only what changed since the live build. */
  full?: boolean;
  /** Object storage for built sites (null: the shared sites folder only). */
  store?: S3Settings | null;
}

/** One OPD's site, or the city portal. */
export type BuildRequest =
  SiteBuildRequest | { api: string; out: string; portal: true; store?: S3Settings | null };

export interface BuilderRun {
  outcome: Outcome;
  log: string;
  summary: { build?: string; buildMs?: number; checks?: SiteChecks } | null;
}

interface ServiceAnswer {
  id?: number;
  ready?: boolean;
  outcome?: Outcome;
  summary?: BuilderRun['summary'];
  error?: string;
  /** The builder asks whether its build may go live (answered { ask, mayGoLive }). */
  ask?: number;
  /** With object storage: what the OPD's pointer becomes if it may. */
  publication?: Publication;
}

export interface BuildLease {
  /**
   * Whether the build's job is still this worker's: asked just before the build goes live; with object
   * storage, the OPD's pointer is switched to `publication` in the same step.
   */
  mayGoLive(publication?: Publication): Promise<boolean>;
}

export interface WarmBuilderOptions {
  /** CPU priority of the child (background rebuilds: 10, so publishes and the API come first). */
  niceness?: number;
  /** Stop the child after this long without work (it holds Astro in memory); started again on demand. */
  idleStopMs?: number;
}

/**
 * The site worker's warm builder (apps/site/scripts/builder-service.mjs): one long-lived child that keeps Astro
 * loaded between builds, so a build skips Node's and Astro's start-up (about 2.7 s). One build at a time. If
 * the child dies or a build overruns, the child is replaced for the next build.
 */
export class WarmBuilder {
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: WarmBuilderOptions = {}) {}

  private child: ChildProcess | null = null;
  private ready: Promise<void> | null = null;
  private output = '';
  private nextId = 1;
  private waiting: ((answer: ServiceAnswer) => void) | null = null;
  private lease: BuildLease | null = null;
  private busy = false;
  private readonly siteTurns: Array<() => void> = [];
  private readonly portalTurns: Array<() => void> = [];

  /**
   * Builds one at a time. An OPD's site goes before a waiting portal build: an editor is watching for their
   * page, and the portal build that follows picks up their change anyway.
   */
  async build(request: BuildRequest, lease?: BuildLease): Promise<BuilderRun> {
    await this.takeTurn('portal' in request);
    this.lease = lease ?? null;
    try {
      return await this.buildNow(request);
    } finally {
      this.lease = null;
      this.passTurn();
    }
  }

  /** Builds running or waiting here: where a pool sends the next build. */
  get load(): number {
    return (this.busy ? 1 : 0) + this.siteTurns.length + this.portalTurns.length;
  }

  private takeTurn(portal: boolean): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (!this.busy) {
      this.busy = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => (portal ? this.portalTurns : this.siteTurns).push(resolve));
  }

  private passTurn(): void {
    const next = this.siteTurns.shift() ?? this.portalTurns.shift();
    if (next) next();
    else {
      this.busy = false;
      if (this.options.idleStopMs !== undefined) {
        this.idleTimer = setTimeout(() => this.stop(), this.options.idleStopMs);
        this.idleTimer.unref();
      }
    }
  }

  private async buildNow(request: BuildRequest): Promise<BuilderRun> {
    await this.start();
    this.output = '';
    const id = this.nextId++;
    const answer = await new Promise<ServiceAnswer>((resolve) => {
      const timer = setTimeout(() => {
        this.child?.kill('SIGKILL');
        resolve({ outcome: 'failed', error: `Build melebihi batas waktu ${TIMEOUT_MS / 60_000} menit` });
      }, TIMEOUT_MS);
      this.waiting = (message) => (clearTimeout(timer), resolve(message));
      this.child!.send({ id, ...request });
    });
    this.waiting = null;
    // The log ends with the builder's summary line (timings, checks), as the one-shot builder prints it.
    const summaryLine = answer.summary ? JSON.stringify(answer.summary) : '';
    const log = [this.output.trim(), answer.error ?? '', summaryLine].filter(Boolean).join('\n');
    return { outcome: answer.outcome ?? 'failed', log, summary: answer.summary ?? null };
  }

  stop(): void {
    this.child?.disconnect();
    this.child = null;
  }

  /** No lease (a one-off build), or a lease that still holds: the build may go live. */
  private async answerLease(child: ChildProcess, ask: number, publication?: Publication): Promise<void> {
    const mayGoLive = this.lease ? await this.lease.mayGoLive(publication).catch(() => false) : true;
    if (child.connected) child.send({ ask, mayGoLive });
  }

  private start(): Promise<void> {
    if (this.child && this.ready) return this.ready;
    const child = spawn(process.execPath, [SERVICE], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    if (this.options.niceness && child.pid) setPriority(child.pid, this.options.niceness);
    this.child = child;
    child.stdout?.on('data', (chunk) => (this.output += chunk));
    child.stderr?.on('data', (chunk) => (this.output += chunk));
    this.ready = new Promise((resolve, reject) => {
      child.on('message', (message: ServiceAnswer) => {
        if (message.ready) resolve();
        else if (message.ask !== undefined) void this.answerLease(child, message.ask, message.publication);
        else this.waiting?.(message);
      });
      child.on('exit', (code, signal) => {
        if (this.child === child) this.child = null;
        reject(new Error(`builder exited (${signal ?? code}) before it was ready`));
        this.waiting?.({ outcome: 'failed', error: `Proses pembangun berhenti (${signal ?? code})` });
      });
    });
    return this.ready;
  }
}
