/**
 * What the city expects of every OPD's site, set by platform admins (the API keeps it and scores by it; the
 * admin app edits it): which checks count, and how fresh news, periodic information and the satisfaction
 * survey must be.
 */
export interface CityPolicy {
  /** Codes of the checks that count towards the score. */
  required: string[];
  newsMaxDays: number;
  periodicInfoMaxMonths: number;
  surveyMaxMonths: number;
  /** The month (1–12) by the end of which last year's LKjIP is due. */
  lkjipDueMonth: number;
  /** The city portal shows each OPD's completeness band on a public transparency page. */
  publicTransparency: boolean;
}

/** How one OPD differs from the city's policy: its own cadences, and checks it does not have to meet. */
export interface TenantPolicyOverride {
  newsMaxDays?: number;
  periodicInfoMaxMonths?: number;
  surveyMaxMonths?: number;
  exempt?: string[];
}
