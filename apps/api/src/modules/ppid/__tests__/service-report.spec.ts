import { WorkingCalendar } from '../../calendar/working-calendar';
import { type RegisterRow, serviceReport } from '../service-report';

/**
 * The yearly report's figures for a register worked out by hand, on December 2026 with Christmas (Friday 25th)
 * a holiday and Thursday 24th collective leave, as of Wednesday 30 December.
 */
describe('the yearly service report', () => {
  const calendar = new WorkingCalendar([
    { day: '2026-12-24', kind: 'collective_leave', name: 'Cuti bersama Natal', source: 'decree' },
    { day: '2026-12-25', kind: 'holiday', name: 'Natal', source: 'library' },
  ]);
  const row = (code: string, extra: Partial<RegisterRow>): RegisterRow => ({
    code,
    receivedOn: '2026-12-01',
    information: 'Informasi',
    delivery: 'email',
    status: 'received',
    dueOn: '2026-12-15',
    answeredOn: null,
    extended: false,
    exemption: null,
    forwardedFromCode: null,
    forwardedToCode: null,
    objectedOn: null,
    objectionReasons: null,
    objectionOutcome: null,
    ...extra,
  });
  const register = [
    // Tue 1 Dec → Fri 4 Dec: 3 working days, on time.
    row('A', { status: 'granted', answeredOn: '2026-12-04' }),
    // Tue 1 Dec → Tue 15 Dec: 10 working days, on the due day.
    row('B', { status: 'refused', answeredOn: '2026-12-15', exemption: 'Data pribadi penerima bantuan' }),
    // Mon 14 Dec → Mon 28 Dec: 15–18 (4), 21–23 (7), 28 (8), the leave day and Christmas skipped; due on the
    // 10th working day, Wed 30 Dec; answered on time, in part, citing the same exemption.
    row('C', {
      receivedOn: '2026-12-14',
      dueOn: '2026-12-30',
      status: 'partly_granted',
      answeredOn: '2026-12-28',
      exemption: 'Data pribadi penerima bantuan',
      objectedOn: '2026-12-29',
      objectionReasons: ['refusal'],
    }),
    // Tue 1 Dec → Wed 16 Dec: 11 working days, one day late; objection upheld.
    row('D', {
      status: 'not_held',
      answeredOn: '2026-12-16',
      objectedOn: '2026-12-17',
      objectionReasons: ['late'],
      objectionOutcome: 'upheld',
    }),
    // Forwarded on Wed 2 Dec: counted as forwarded, not as an answer.
    row('E', { status: 'forwarded', answeredOn: '2026-12-02', forwardedToCode: 'PPID-0000-0001' }),
    // Unanswered and past its due day (15 Dec): late.
    row('F', { status: 'extended', extended: true, dueOn: '2026-12-22' }),
    // Unanswered, due after today: not late.
    row('G', { receivedOn: '2026-12-28', dueOn: '2027-01-11', status: 'clarification' }),
  ];

  it('counts every outcome, the refusals by exemption, lateness, answer times and objections', () => {
    expect(serviceReport(2026, register, '2026-12-30', calendar)).toEqual({
      year: 2026,
      asOf: '2026-12-30',
      received: 7,
      granted: 1,
      partlyGranted: 1,
      refused: 1,
      notHeld: 1,
      forwarded: 1,
      open: 2,
      refusedBy: [{ exemption: 'Data pribadi penerima bantuan', count: 2 }],
      late: 2,
      // A 3, B 10, C 8, D 11: (3 + 10 + 8 + 11) / 4 = 8.
      averageWorkingDays: 8,
      longestWorkingDays: 11,
      objections: { filed: 2, upheld: 1, rejected: 0, open: 1 },
    });
  });

  it('has no answer times before the first answer', () => {
    const report = serviceReport(
      2026,
      [row('G', { receivedOn: '2026-12-28', dueOn: '2027-01-11' })],
      '2026-12-30',
      calendar,
    );
    expect(report).toMatchObject({
      received: 1,
      open: 1,
      late: 0,
      averageWorkingDays: null,
      longestWorkingDays: null,
    });
  });
});
