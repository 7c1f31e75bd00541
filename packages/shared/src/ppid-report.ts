/**
 * The yearly public-information service report's figures (PerKI 1/2021 art. 39), as the API computes them from
 * an OPD's requests and as the admin and the site show them: one shape for both.
 */
export interface PpidServiceReport {
  year: number;
  /** The day the figures were computed: the current year is reported to date. */
  asOf: string;
  received: number;
  granted: number;
  partlyGranted: number;
  refused: number;
  notHeld: number;
  forwarded: number;
  /** Not yet answered. */
  open: number;
  /** Refusals, whole or in part, by the exemption each cited, the most cited first. */
  refusedBy: Array<{ exemption: string; count: number }>;
  /** Answered (or forwarded) after the due day, or still unanswered past it. */
  late: number;
  /** Working days from receipt to the answer, over the answered requests (forwarded ones are not answers). */
  averageWorkingDays: number | null;
  longestWorkingDays: number | null;
  objections: { filed: number; upheld: number; rejected: number; open: number };
}
