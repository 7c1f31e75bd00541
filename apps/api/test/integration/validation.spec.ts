import { type SignedIn } from '../helpers/given';
import { startTestApp, type TestApp } from '../helpers/test-app';

describe('bad input gets a clear 4xx and loses nothing', () => {
  let t: TestApp;
  let platform: SignedIn;
  const counts = async () =>
    (
      await t.dataSource.query(
        `SELECT (SELECT count(*) FROM tenants)::int AS tenants, (SELECT count(*) FROM users)::int AS users`,
      )
    )[0];
  const provision = (body: unknown, contentType = 'application/json') =>
    t
      .http()
      .post('/api/v1/admin/tenants')
      .set(platform.auth)
      .set('Content-Type', contentType)
      .send(body as object);

  const VALID = {
    slug: 'dinkes',
    name: 'Dinas Kesehatan',
    shortName: 'Dinkes',
    kind: 'dinas',
    firstAdmin: { email: 'admin.dinkes@laman.example', name: 'Admin Dinkes' },
  };

  beforeAll(async () => {
    t = await startTestApp();
    platform = await t.given.platformSignedIn('platform_admin');
  });
  afterAll(() => t.close());

  const cases: Array<[string, unknown, Array<{ field: string; constraint: string }>]> = [
    ['unknown fields', { ...VALID, isAdmin: true }, [{ field: 'isAdmin', constraint: 'unknownField' }]],
    [
      'wrong types',
      { ...VALID, name: 42, formerNames: 'Dinkes Lama' },
      [
        { field: 'name', constraint: 'isString' },
        { field: 'formerNames', constraint: 'isArray' },
      ],
    ],
    ['oversize strings', { ...VALID, name: 'D'.repeat(201) }, [{ field: 'name', constraint: 'maxLength' }]],
    [
      'bad emails, also nested',
      { ...VALID, contactEmail: 'dinkes@', firstAdmin: { email: 'bukan email', name: 'A' } },
      [
        { field: 'contactEmail', constraint: 'isEmail' },
        { field: 'firstAdmin.email', constraint: 'isEmail' },
      ],
    ],
    [
      'a missing nested object',
      { ...VALID, firstAdmin: undefined },
      [{ field: 'firstAdmin', constraint: 'isDefined' }],
    ],
    [
      'a nested object of the wrong type',
      { ...VALID, firstAdmin: 'admin@laman.example' },
      [{ field: 'firstAdmin', constraint: 'nestedValidation' }],
    ],
    [
      'a slug that is not a URL label',
      { ...VALID, slug: '../Dinas Kesehatan' },
      [{ field: 'slug', constraint: 'isTenantSlug' }],
    ],
    ['a reserved slug', { ...VALID, slug: 'admin' }, [{ field: 'slug', constraint: 'isTenantSlug' }]],
    ['an unknown kind', { ...VALID, kind: 'kementerian' }, [{ field: 'kind', constraint: 'isIn' }]],
    [
      'a placeholder phone number',
      { ...VALID, contactPhone: '(0000)000000' },
      [{ field: 'contactPhone', constraint: 'isIndonesianPhone' }],
    ],
  ];

  for (const [label, body, problems] of cases) {
    it(`answers ${label} with 400 and field details in Bahasa Indonesia`, async () => {
      const before = await counts();
      const response = await provision(body);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        requestId: expect.any(String),
      });
      expect(response.body.details).toEqual(
        expect.arrayContaining(problems.map((problem) => expect.objectContaining(problem))),
      );
      for (const detail of response.body.details) {
        expect(detail.message).toMatch(/^[\w.]+ (wajib|tidak|harus|maksimal|minimal|hanya|berisi)/);
      }
      expect(JSON.stringify(response.body)).not.toMatch(/at .*\.ts|stack/i);
      expect(await counts()).toEqual(before);
    });
  }

  it('states the limit in the message', async () => {
    const response = await provision({ ...VALID, shortName: 'S'.repeat(61) });
    expect(response.body.details).toEqual([
      expect.objectContaining({ field: 'shortName', message: 'shortName maksimal 60 karakter' }),
    ]);
  });

  it('answers in English, limits included, when the client prefers English', async () => {
    const before = await counts();
    const response = await provision({ ...VALID, shortName: 'S'.repeat(61), contactEmail: 'dinkes@' }).set(
      'Accept-Language',
      'en-GB,en;q=0.9,id;q=0.5',
    );
    expect(response.status).toBe(400);
    expect(response.headers['content-language']).toBe('en');
    expect(response.body.message).toBe('The data sent is not valid');
    expect(response.body.details).toEqual(
      expect.arrayContaining([
        { field: 'shortName', constraint: 'maxLength', message: 'shortName must be at most 60 characters' },
        {
          field: 'contactEmail',
          constraint: 'isEmail',
          message: 'contactEmail must be a valid email address',
        },
      ]),
    );
    expect(await counts()).toEqual(before);
  });

  it('keeps Bahasa Indonesia by default and for Indonesian browsers, without internal fields', async () => {
    for (const language of [undefined, 'id-ID,id;q=0.9,en;q=0.8']) {
      const request = provision({ ...VALID, shortName: 'S'.repeat(61) });
      const response = language ? await request.set('Accept-Language', language) : await request;
      expect(response.headers['content-language']).toBe('id');
      expect(response.body.details).toEqual([
        { field: 'shortName', constraint: 'maxLength', message: 'shortName maksimal 60 karakter' },
      ]);
    }
  });

  it("tells a service's own field rules and unknown routes in English too", async () => {
    const weak = await t
      .http()
      .post('/api/v1/auth/password')
      .set(platform.auth)
      .set('Accept-Language', 'en')
      .send({ currentPassword: 'salah sekali', newPassword: 'rahasia' });
    expect(weak.body.details?.[0]?.message ?? weak.body.message).toMatch(/^[A-Za-z]/);
    expect(JSON.stringify(weak.body)).not.toMatch(/ salah|harus|minimal/);
    const missing = await t
      .http()
      .delete('/api/v1/admin/tenants')
      .set(platform.auth)
      .set('Accept-Language', 'en');
    expect(missing.body).toMatchObject({
      code: 'ROUTE_NOT_FOUND',
      message: 'There is no DELETE /api/v1/admin/tenants',
    });
  });

  it('answers malformed JSON with 400 MALFORMED_REQUEST', async () => {
    const before = await counts();
    const response = await provision('{"slug": "dinkes", ', 'application/json');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      code: 'MALFORMED_REQUEST',
      message: 'Isi permintaan bukan JSON yang valid',
    });
    expect(await counts()).toEqual(before);
  });

  it('answers a body that is not JSON with 415, and an oversize body with 413', async () => {
    const form = await provision('slug=dinkes', 'application/x-www-form-urlencoded');
    expect(form.status).toBe(415);
    expect(form.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const huge = await provision(JSON.stringify({ ...VALID, address: 'x'.repeat(1_100_000) }));
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers a JSON array or a bare value instead of an object with 400', async () => {
    expect((await provision([VALID])).status).toBe(400);
    expect((await provision('"dinkes"')).status).toBe(400);
  });

  it('answers malformed route and query parameters with 400 naming them', async () => {
    const badId = await t.http().get('/api/v1/admin/tenants/12345').set(platform.auth);
    expect(badId.status).toBe(400);
    expect(badId.body.details).toEqual([
      expect.objectContaining({ field: 'tenantId', constraint: 'isUUID' }),
    ]);
    const badQuery = await t.http().get('/api/v1/admin/tenants?limit=semua&status=hapus').set(platform.auth);
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.details.map((detail: { field: string }) => detail.field).sort()).toEqual([
      'limit',
      'status',
    ]);
  });

  it('answers unknown routes and methods with a JSON 404', async () => {
    const response = await t.http().delete('/api/v1/admin/tenants').set(platform.auth);
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({
      code: 'ROUTE_NOT_FOUND',
      message: 'Alamat DELETE /api/v1/admin/tenants tidak ada',
    });
    expect((await t.http().get('/tidak-ada')).body.code).toBe('ROUTE_NOT_FOUND');
  });

  it('accepts the valid request after all', async () => {
    const response = await provision(VALID);
    expect(response.status).toBe(201);
    expect(await counts()).toMatchObject({ tenants: 1 });
  });
});
