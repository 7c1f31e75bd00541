import { mkdirSync } from 'node:fs';
import path from 'node:path';
import axe from 'axe-core';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's Chromium, headless, as the brief prescribes (no browser downloads on this machine). */
/** `extra`: more Chromium switches, e.g. `--host-resolver-rules` to reach sites by their host names. */
export function launchChromium(extra: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      ...extra,
    ],
  });
}

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };

export interface AxeViolation {
  id: string;
  impact: string | null;
  targets: string[];
}

/** Runs axe-core's WCAG 2.0–2.2 A and AA rules on the page and returns what it found. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axe.source });
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  });
}

/** Where tests save screenshots for people to look at (printed by the tests). */
export function screenshotDir(name: string): string {
  const folder = path.resolve(__dirname, '../../../../reports/screenshots', name);
  mkdirSync(folder, { recursive: true });
  return folder;
}
