import { Database } from '../../src/core/database/database.service';
import { startTestApp, type TestApp } from '../helpers/test-app';

/** In-process cache invalidation hangs on these hooks: they must run after COMMIT, before the caller resumes. */
describe('after-commit hooks', () => {
  let t: TestApp;
  let db: Database;
  let tenantId: string;
  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(Database);
    tenantId = (await t.given.tenant()).id;
  });
  afterAll(() => t.close());

  it('run once the tenant transaction committed, before the call resolves', async () => {
    const seen: string[] = [];
    await db.inTenant(tenantId, async (tx) => {
      tx.afterCommit(() => seen.push('hook'));
      seen.push('work');
    });
    seen.push('resolved');
    expect(seen).toEqual(['work', 'hook', 'resolved']);
  });

  it('never run when the transaction rolls back', async () => {
    const seen: string[] = [];
    const failed = db.inTenant(tenantId, async (tx) => {
      tx.afterCommit(() => seen.push('hook'));
      throw new Error('gagal');
    });
    await expect(failed).rejects.toThrow('gagal');
    expect(seen).toEqual([]);
  });

  it('run for a tenant entered inside a platform transaction, only after that transaction commits', async () => {
    const seen: string[] = [];
    await db.inPlatform(async (manager) => {
      const tx = await db.enterTenant(manager, tenantId);
      tx.afterCommit(() => seen.push('hook'));
      await manager.query('SELECT 1');
      seen.push('work');
    });
    expect(seen).toEqual(['work', 'hook']);
  });

  it('see their own transaction committed: another connection reads what it wrote', async () => {
    let readInHook: Promise<unknown[]> | undefined;
    await db.inTenant(tenantId, async (tx) => {
      await tx.manager.query(`UPDATE tenants SET content_version = content_version + 1 WHERE id = $1`, [
        tenantId,
      ]);
      tx.afterCommit(() => {
        readInHook = db.platformQuery(`SELECT content_version FROM tenants WHERE id = $1`, [tenantId]);
      });
    });
    const before = await db.platformQuery<{ content_version: string }>(
      `SELECT content_version FROM tenants WHERE id = $1`,
      [tenantId],
    );
    expect(await readInHook).toEqual(before);
  });
});
