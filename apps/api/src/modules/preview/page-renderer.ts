import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Injectable } from '@nestjs/common';

const SCRIPT = path.resolve(__dirname, '../../../../site/scripts/preview-page.mjs');
const TIMEOUT_MS = 60_000;

/**
 * Renders one page of an OPD site from a snapshot with the real theme (apps/site), in a child process. How many
 * run at once is PreviewService's queue's decision.
 */
@Injectable()
export class PageRenderer {
  async render(snapshot: object, type: string, slug: string): Promise<string> {
    const work = await mkdtemp(path.join(tmpdir(), 'laman-preview-'));
    try {
      const snapshotFile = path.join(work, 'snapshot.json');
      const htmlFile = path.join(work, 'page.html');
      await writeFile(snapshotFile, JSON.stringify(snapshot));
      await this.run(['--snapshot', snapshotFile, '--type', type, '--slug', slug, '--html', htmlFile]);
      return await readFile(htmlFile, 'utf8');
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  private run(args: string[]): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [SCRIPT, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
      let errors = '';
      child.stderr.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-4000)));
      const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
      child.on('error', reject);
      child.on('exit', (code) => {
        clearTimeout(timer);
        if (code === 0) resolve();
        else reject(new Error(`Preview render failed (exit ${code}): ${errors.trim()}`));
      });
    });
  }
}
