import { SKM_ELEMENTS } from '@laman/shared';
import { type Tenant } from '../../src/modules/tenants/tenant.entity';
import { REQUEST_FORM_UNPROVEN } from '../../src/modules/ppid/ppid-form-limits';
import { SURVEY_LIMITS } from '../../src/modules/surveys/survey-form-limits';
import { sampleFields } from '../helpers/content-samples';
import { publishItem } from '../helpers/sample-site';
import { asSuperuser } from '../helpers/superuser';
import { startTestApp, type TestApp } from '../helpers/test-app';

/**
 * A flood at one OPD's citizens' forms from ever new addresses (as a botnet behind the edge sends it): each form
 * stops at the OPD's limit, and once it is over, refusals write nothing — no form row, and no count for each new
 * address (the form's door refuses before the per-address limit) — so the flood costs the shared database
 * nothing more. Another OPD's form is unaffected.
 */
describe("citizens' forms flooded from many addresses", () => {
  let t: TestApp;
  let flooded: Tenant;
  let quiet: Tenant;
  const services = new Map<string, string>();
  let address = 0;
  const nextAddress = () => `10.${(++address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`;

  const forms = [
    {
      name: 'information request',
      path: 'ppid/requests',
      table: 'information_requests',
      perOpd: REQUEST_FORM_UNPROVEN.perOpd,
      taken: 201,
      spam: { purpose: 'Daftar situs slot gacor maxwin hari ini, deposit pulsa' },
      body: (_service: string) => ({
        name: 'Warga Banyak Alamat',
        address: 'Jl. Uji No. 1, Bandar Lampung',
        email: 'warga.banjir@contoh.id',
        information: 'Daftar kegiatan dinas tahun 2026',
        purpose: 'Bahan laporan warga',
        delivery: 'email',
      }),
    },
    {
      name: 'satisfaction survey',
      path: 'surveys/responses',
      table: 'survey_responses',
      perOpd: SURVEY_LIMITS.unproven.perOpd,
      taken: 204,
      spam: { suggestion: 'Daftar situs slot gacor maxwin hari ini, deposit pulsa' },
      body: (service: string) => ({ service, ...Object.fromEntries(SKM_ELEMENTS.map((e) => [e.name, 3])) }),
    },
  ];

  const count = async (table: string, where = 'true') =>
    (
      await asSuperuser<{ n: number }>(t.database, `SELECT count(*)::int AS n FROM ${table} WHERE ${where}`)
    )[0]!.n;
  // Every count: the forms' own, and the anonymous routes' count per address ('ip:', a row per new address).
  const formCounts = () => count('request_throttles');
  const send = (tenant: Tenant, form: (typeof forms)[number]) =>
    t
      .http()
      .post(`/api/v1/public/${tenant.slug}/${form.path}`)
      .set('X-Forwarded-For', nextAddress())
      .send(form.body(services.get(tenant.id)!));

  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: 'loopback', LOGIN_IP_LIMIT_PER_MINUTE: '100000' });
    flooded = await t.given.tenant();
    quiet = await t.given.tenant();
    for (const tenant of [flooded, quiet]) {
      const editor = await t.given.memberSignedIn(tenant, 'editor');
      const service = await publishItem(
        t,
        tenant,
        editor,
        'layanan',
        sampleFields('layanan', 'Layanan Banjir'),
      );
      services.set(tenant.id, service.slug);
    }
  });
  afterAll(() => t.close());

  it.each(forms)('$name: stops at the OPD limit, then refuses writing nothing', async (form) => {
    let taken = 0;
    for (let sent = 0; sent <= form.perOpd + 2; sent++) {
      const answer = await send(flooded, form);
      if (answer.status !== form.taken) {
        expect({ status: answer.status, code: answer.body.code }).toEqual({
          status: 429,
          code: 'RATE_LIMITED',
        });
        break;
      }
      taken++;
    }
    expect(taken).toBe(form.perOpd);

    const rows = await count(form.table);
    const counts = await formCounts();
    for (let more = 0; more < 20; more++) {
      const refused = await send(flooded, form);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect({ rows: await count(form.table), counts: await formCounts() }).toEqual({ rows, counts });
    // Refused at the door, before the form's own work: even text the spam guard would refuse is not read.
    const spam = await t
      .http()
      .post(`/api/v1/public/${flooded.slug}/${form.path}`)
      .set('X-Forwarded-For', nextAddress())
      .send({ ...form.body(services.get(flooded.id)!), ...form.spam });
    expect({ status: spam.status, code: spam.body.code }).toEqual({ status: 429, code: 'RATE_LIMITED' });

    // The same text at an OPD with no flood is refused by the spam guard, by field.
    const screened = await t
      .http()
      .post(`/api/v1/public/${quiet.slug}/${form.path}`)
      .set('X-Forwarded-For', nextAddress())
      .send({ ...form.body(services.get(quiet.id)!), ...form.spam });
    expect({ status: screened.status, field: screened.body.details?.[0]?.field }).toEqual({
      status: 400,
      field: Object.keys(form.spam)[0],
    });

    // The limit is the flooded OPD's: another OPD's citizens are still heard.
    expect((await send(quiet, form)).status).toBe(form.taken);
  });
});
