import { WorkingCalendar } from '../../calendar/working-calendar';
import { objectionView, objectionWindow } from '../objection';

/**
 * The objection window counted by hand on a calendar with a holiday and a collective-leave day: December 2026,
 * Christmas (Friday 25th) a holiday and Thursday 24th collective leave.
 */
describe('objection window', () => {
  const calendar = new WorkingCalendar([
    { day: '2026-12-24', kind: 'collective_leave', name: 'Cuti bersama Natal', source: 'decree' },
    { day: '2026-12-25', kind: 'holiday', name: 'Natal', source: 'library' },
    { day: '2027-01-01', kind: 'holiday', name: 'Tahun Baru', source: 'library' },
  ]);

  it('runs 30 working days from the answer, skipping weekends, the holidays and the leave day', () => {
    // Answered Monday 14 Dec. Working days after it: 15–18 (4), 21–23 (3), 28–31 (4) = 11 by 31 Dec;
    // January from Monday 4th (the 1st is a holiday): 4–8 (16), 11–15 (21), 18–22 (26), 25–28 (30).
    const answered = { status: 'refused' as const, dueOn: '2026-12-18', answeredOn: '2026-12-14' };
    expect(objectionWindow(answered, '2026-12-30', calendar)).toEqual({ until: '2027-01-28' });
  });

  it('opens on no answer only once the due day has passed, counting from the due day', () => {
    const open = { status: 'received' as const, dueOn: '2026-12-14', answeredOn: null };
    expect(objectionWindow(open, '2026-12-14', calendar)).toBeNull();
    expect(objectionWindow(open, '2026-12-15', calendar)).toEqual({ until: '2027-01-28' });
    const extended = { ...open, status: 'extended' as const };
    expect(objectionWindow(extended, '2026-12-15', calendar)).toEqual({ until: '2027-01-28' });
  });

  it('is never open at an OPD that forwarded the request', () => {
    const forwarded = { status: 'forwarded' as const, dueOn: '2026-12-14', answeredOn: '2026-12-10' };
    expect(objectionWindow(forwarded, '2026-12-20', calendar)).toBeNull();
  });

  it('tells the reasons and the outcome in words', () => {
    const view = objectionView({
      id: 'x',
      reasons: ['refusal', 'late'],
      statement: 'Penolakan tidak berdasar.',
      receivedAt: new Date('2026-12-15T03:00:00Z'),
      dueOn: '2027-01-29',
      outcome: 'rejected',
      decidedAt: new Date('2027-01-10T03:00:00Z'),
      decision: 'Pengecualian sudah sesuai uji konsekuensi.',
      disputeUntil: '2027-01-29',
    });
    expect(view.reasonLabels).toEqual([
      'Permohonan ditolak dengan alasan pengecualian',
      'Informasi disampaikan melebihi waktu',
    ]);
    expect(view.outcomeLabel).toBe('Keberatan ditolak');
    expect(view).not.toHaveProperty('id');
  });
});
