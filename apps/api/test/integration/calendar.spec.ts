import { type SignedIn } from '../helpers/given';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { CalendarService } from '../../src/modules/calendar/calendar.service';

/** The platform admin keeps the working-day calendar true: a new year's decree, a day the library has wrong. */
describe('working-day calendar corrections', () => {
  let t: TestApp;
  let platform: SignedIn;
  let monitor: SignedIn;

  beforeAll(async () => {
    t = await startTestApp();
    platform = await t.given.platformSignedIn('platform_admin');
    monitor = await t.given.platformSignedIn('monitor');
  });
  afterAll(() => t.close());

  const year = async (value: number) => {
    const response = await t.http().get(`/api/v1/admin/calendar?year=${value}`).set(monitor.auth);
    expect(response.status).toBe(200);
    return response.body as {
      daysOff: Array<{ day: string; kind: string; name: string; source: string }>;
      workingDays: Array<{ day: string; name: string }>;
    };
  };

  it("shows the year's days off with their source, and the clocks follow every correction", async () => {
    const shipped = await year(2027);
    expect(shipped.daysOff).toContainEqual(
      expect.objectContaining({ day: '2027-08-17', kind: 'holiday', source: 'library' }),
    );
    const clocks = t.app.get(CalendarService);
    // Monday 22 March 2027 + 10 working days, before the 2027 decree is entered: 23, 24, 25, (26 Good Friday),
    // 29, 30, 31, 1, 2, 5, 6 April.
    expect((await clocks.calendar(2027)).addWorkingDays('2027-03-22', 10)).toBe('2027-04-06');

    // The 2027 decree: collective leave on Monday 29 March.
    const leave = await t
      .http()
      .put('/api/v1/admin/calendar/days/2027-03-29')
      .set(platform.auth)
      .send({ kind: 'collective_leave', name: '  Cuti bersama uji  ' });
    expect(leave.status).toBe(200);
    expect(leave.body.daysOff).toContainEqual({
      day: '2027-03-29',
      kind: 'collective_leave',
      name: 'Cuti bersama uji',
      source: 'admin',
    });
    expect((await clocks.calendar(2027)).addWorkingDays('2027-03-22', 10)).toBe('2027-04-07');

    // A library holiday declared a working day.
    const working = await t
      .http()
      .put('/api/v1/admin/calendar/days/2027-08-17')
      .set(platform.auth)
      .send({ kind: 'working', name: 'Uji: hari kerja' });
    expect(working.body.daysOff.map((entry: { day: string }) => entry.day)).not.toContain('2027-08-17');
    expect(working.body.workingDays).toEqual([{ day: '2027-08-17', name: 'Uji: hari kerja' }]);
    expect((await clocks.calendar(2027)).isWorkingDay('2027-08-17')).toBe(true);

    // Undone: back to the shipped calendar.
    for (const day of ['2027-03-29', '2027-08-17'])
      expect((await t.http().delete(`/api/v1/admin/calendar/days/${day}`).set(platform.auth)).status).toBe(
        200,
      );
    expect(await year(2027)).toEqual(shipped);
    const again = await t.http().delete('/api/v1/admin/calendar/days/2027-03-29').set(platform.auth);
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('CALENDAR_DAY_NOT_FOUND');
  });

  it('names the field and the reason for every bad input, and writes nothing', async () => {
    const cases: Array<[string, string, unknown, string]> = [
      ['put', '/api/v1/admin/calendar/days/2027-02-30', { kind: 'holiday', name: 'Tidak ada' }, 'day'],
      ['put', '/api/v1/admin/calendar/days/kemarin', { kind: 'holiday', name: 'Tidak ada' }, 'day'],
      ['put', '/api/v1/admin/calendar/days/2027-03-01', { kind: 'libur', name: 'Libur' }, 'kind'],
      ['put', '/api/v1/admin/calendar/days/2027-03-01', { kind: 'holiday', name: 'x' }, 'name'],
      ['put', '/api/v1/admin/calendar/days/2027-03-01', { kind: 'holiday', name: 'y'.repeat(121) }, 'name'],
      ['get', '/api/v1/admin/calendar?year=1999', undefined, 'year'],
      ['get', '/api/v1/admin/calendar?year=dua-ribu', undefined, 'year'],
      ['delete', '/api/v1/admin/calendar/days/2027-13-01', undefined, 'day'],
    ];
    for (const [method, path, body, field] of cases) {
      const call = t.http()[method as 'put' | 'get' | 'delete'](path).set(platform.auth);
      const response = body === undefined ? await call : await call.send(body as object);
      expect({ path, status: response.status, field: response.body.details?.[0]?.field }).toEqual({
        path,
        status: 400,
        field,
      });
    }
    expect((await year(2027)).daysOff.some((entry) => entry.source === 'admin')).toBe(false);
  });
});
