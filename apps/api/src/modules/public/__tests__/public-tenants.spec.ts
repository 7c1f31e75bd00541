import { strictFake } from '../../../../test/helpers/strict-fake';
import { type Database } from '../../../core/database/database.service';
import { type SiteChangeNotifier } from '../../../core/database/site-change-notifier';
import { type PublicTenant, PublicTenants } from '../public-tenants';

function row(version: string): PublicTenant {
  return {
    id: 't1',
    slug: 'dinkes',
    name: 'Dinas Kesehatan',
    short_name: 'Dinkes',
    kind: 'dinas',
    custom_domain: null,
    content_version: version,
    last_published_at: null,
  };
}

function setup(answers: Array<() => Promise<PublicTenant[]>>) {
  let listener: (tenantId: string) => void = () => undefined;
  let queries = 0;
  const db = strictFake<Database>({
    platformQuery: (async () => answers[queries++]!()) as Database['platformQuery'],
  });
  const notifier = strictFake<SiteChangeNotifier>({
    subscribe: (fn: (tenantId: string) => void) => void (listener = fn),
  });
  const tenants = new PublicTenants(db, notifier);
  return { tenants, change: (tenantId: string) => listener(tenantId), queries: () => queries };
}

describe('public tenant cache', () => {
  it('answers from memory until the tenant changes, then reads again', async () => {
    const { tenants, change, queries } = setup([async () => [row('1')], async () => [row('2')]]);
    expect((await tenants.active('dinkes')).content_version).toBe('1');
    expect((await tenants.active('dinkes')).content_version).toBe('1');
    expect(queries()).toBe(1);
    change('t1');
    expect((await tenants.active('dinkes')).content_version).toBe('2');
    expect(queries()).toBe(2);
  });

  it('does not keep a row read before a change that committed while the read was in flight', async () => {
    let release: (rows: PublicTenant[]) => void = () => undefined;
    const { tenants, change, queries } = setup([
      () => new Promise((resolve) => (release = resolve)),
      async () => [row('2')],
    ]);
    const slow = tenants.active('dinkes');
    change('t1');
    release([row('1')]);
    expect((await slow).content_version).toBe('1');
    expect((await tenants.active('dinkes')).content_version).toBe('2');
    expect(queries()).toBe(2);
  });

  it('forgets everything when changes may have been missed', async () => {
    const { tenants, change, queries } = setup([async () => [row('1')], async () => [row('5')]]);
    await tenants.active('dinkes');
    change('*');
    expect((await tenants.active('dinkes')).content_version).toBe('5');
    expect(queries()).toBe(2);
  });
});
