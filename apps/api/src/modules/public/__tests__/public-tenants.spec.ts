import { type Database } from '../../../core/database/database.service';
import { type SiteChangeNotifier } from '../../../core/database/site-change-notifier';
import { type PublicTenant, PublicTenants } from '../public-tenants';

/** A database whose answers the test releases one by one, and a notifier the test drives. */
function harness() {
  const pending: Array<{ resolve: (rows: PublicTenant[]) => void }> = [];
  let queries = 0;
  const db = {
    platformQuery: () => {
      queries++;
      return new Promise<PublicTenant[]>((resolve) => pending.push({ resolve }));
    },
  } as unknown as Database;
  const listeners: Array<(tenantId: string) => void> = [];
  const notifier = {
    hearsEveryChange: true,
    subscribe: (listener: (tenantId: string) => void) => listeners.push(listener),
  };
  const tenants = new PublicTenants(db, notifier as unknown as SiteChangeNotifier);
  return {
    tenants,
    notifier,
    change: () => listeners.forEach((listener) => listener('tenant-1')),
    answer: (version: string | null) => pending.shift()!.resolve(version === null ? [] : [row(version)]),
    queries: () => queries,
  };
}

const row = (version: string): PublicTenant => ({
  id: 'tenant-1',
  slug: 'disdukcapil',
  former_slugs: [],
  name: 'Dinas Kependudukan dan Pencatatan Sipil',
  short_name: 'Disdukcapil',
  kind: 'dinas',
  custom_domain: null,
  content_version: version,
  last_published_at: null,
});

/** Lets the promise callbacks queued so far run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('active tenants kept in memory (the key of every cached public answer)', () => {
  it('answers from memory after the first read, and reads again after any change', async () => {
    const { tenants, change, answer, queries } = harness();
    const first = tenants.active('disdukcapil');
    answer('1');
    expect((await first).content_version).toBe('1');
    expect((await tenants.active('disdukcapil')).content_version).toBe('1');
    expect(queries()).toBe(1);
    change();
    const after = tenants.active('disdukcapil');
    await settle();
    answer('2');
    expect((await after).content_version).toBe('2');
    expect(queries()).toBe(2);
  });

  it('never keeps a row read before a change that arrived while the read was under way (the stale-read race)', async () => {
    const { tenants, change, answer, queries } = harness();
    // A read starts before a publish commits; the publish's notification arrives before the read's answer.
    const racing = tenants.active('disdukcapil');
    await settle();
    change();
    answer('1');
    expect((await racing).content_version).toBe('1');
    // The next read must not be served the old version from memory.
    const next = tenants.active('disdukcapil');
    await settle();
    expect(queries()).toBe(2);
    answer('2');
    expect((await next).content_version).toBe('2');
  });

  it('trusts nothing in memory while the change listener is lost', async () => {
    const { tenants, notifier, answer, queries } = harness();
    const first = tenants.active('disdukcapil');
    answer('1');
    await first;
    notifier.hearsEveryChange = false;
    const during = tenants.active('disdukcapil');
    await settle();
    answer('1');
    await during;
    expect(queries()).toBe(2);
  });

  it('does not remember an unknown slug (a new OPD is provisioned without a change notification)', async () => {
    const { tenants, answer, queries } = harness();
    const missing = tenants.activeOrNull('opd-baru');
    answer(null);
    expect(await missing).toBeNull();
    const again = tenants.activeOrNull('opd-baru');
    await settle();
    answer('1');
    expect(await again).not.toBeNull();
    expect(queries()).toBe(2);
  });
});
