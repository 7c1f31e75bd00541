import { ppidReportLabel, ppidReportLines, type PpidServiceReport } from '../ppid-report.js';

describe('the report lines', () => {
  const report: PpidServiceReport = {
    year: 2026,
    asOf: '2026-12-01',
    received: 9,
    granted: 4,
    partlyGranted: 1,
    refused: 2,
    notHeld: 1,
    forwarded: 1,
    open: 0,
    refusedBy: [
      { exemption: 'Data pribadi', count: 2 },
      { exemption: 'Rahasia dagang', count: 1 },
    ],
    late: 1,
    averageWorkingDays: 6.5,
    longestWorkingDays: 12,
    objections: { filed: 2, upheld: 1, rejected: 1, open: 0 },
  };

  it('lists every figure once, then one line per exemption cited, its name filled in', () => {
    const lines = ppidReportLines(report);
    expect(lines.map((line) => line[1])).toEqual([9, 4, 1, 2, 1, 1, 0, 1, 6.5, 12, 2, 1, 1, 0, 2, 1]);
    expect(lines.slice(-2).map(ppidReportLabel)).toEqual([
      'Ditolak dengan dasar: Data pribadi',
      'Ditolak dengan dasar: Rahasia dagang',
    ]);
    expect(ppidReportLabel(lines[0]!)).toBe('Permohonan diterima');
  });
});
