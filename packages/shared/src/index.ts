export {
  BRAND_MIN_CONTRAST,
  brandColorContrast,
  contrastRatio,
  DEFAULT_BRAND_COLOR,
  usableBrandColor,
} from './contrast.js';
export { DEFAULT_MENU, type MenuEntry } from './site-menu.js';
export { DETAIL_ROUTES, EDGE_RENDERED_PATHS, isEdgeRendered, sitePagePath } from './site-pages.js';
export { TENANT_KIND_LABELS } from './tenant-kinds.js';
export type { CityPolicy, TenantPolicyOverride } from './oversight-policy.js';
export { type NoticeLike, urgentNotices } from './urgent-notices.js';
export { formatAngka, formatUkuran, parseAngka, type ParsedNumber } from './numbers.js';
export { valueAxis, type ValueAxis } from './chart-axis.js';
export {
  NEWS_ARCHIVE,
  NEWS_PAGE_SIZE,
  newsArchive,
  newsArchiveHref,
  type NewsArchivePage,
} from './news-archive.js';
export { formatTanggal } from './dates.js';
export {
  FORM_GUARD_FIELDS,
  PPID_DELIVERY_OPTIONS,
  PPID_PATHS,
  PPID_REQUEST_FIELDS,
  type PpidFormField,
} from './ppid-form.js';
export {
  PPID_FIRST_REPORT_YEAR,
  ppidReportLabel,
  ppidReportYears,
  ppidReportLines,
  type PpidRegisterEntry,
  type PpidReportLine,
  type PpidServiceReport,
} from './ppid-report.js';
export {
  SKM_ELEMENTS,
  SKM_FIRST_YEAR,
  SKM_PATHS,
  SKM_PROFILE,
  SKM_PROFILE_FIELDS,
  skmGrade,
  skmMinimumRespondents,
  skmPeriod,
  skmPeriodsBegun,
  skmPeriodsOf,
  skmResult,
  type SkmElement,
  type SkmGrade,
  type SkmPeriod,
  type SkmProfileField,
  type SkmResult,
} from './survey.js';
export type { ImportKind, ImportTotals } from './wordpress-import.js';
export { escapeHtml, html, htmlDocument, SafeHtml } from './html.js';
