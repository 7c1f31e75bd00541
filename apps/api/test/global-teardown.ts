import { rmSync } from 'node:fs';
import { type EmbeddedPostgresHandle } from '../src/core/database/embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as Record<string, unknown>)['__LAMAN_TEST_PG__'] as
    { server: EmbeddedPostgresHandle; parent: string } | undefined;
  if (!state) return;
  await state.server.stop();
  rmSync(state.parent, { recursive: true, force: true });
}
