import { Foundation1764300000000 } from './migrations/1764300000000-foundation';
import { Content1764400000000 } from './migrations/1764400000000-content';
import { Media1764500000000 } from './migrations/1764500000000-media';
import { Builds1764600000000 } from './migrations/1764600000000-builds';
import { TenantFormerSlugs1764800000000 } from './migrations/1764800000000-tenant-former-slugs';
import { ScoreHistory1764900000000 } from './migrations/1764900000000-score-history';
import { OversightPolicy1765000000000 } from './migrations/1765000000000-oversight-policy';
import { Digests1765100000000 } from './migrations/1765100000000-digests';
import { PortalBuilds1765200000000 } from './migrations/1765200000000-portal-builds';
import { AccountGrants1765300000000 } from './migrations/1765300000000-account-grants';
import { SignInThrottle1765400000000 } from './migrations/1765400000000-sign-in-throttle';
import { RequestThrottles1766000000000 } from './migrations/1766000000000-request-throttles';
import { TenantNextDue1766100000000 } from './migrations/1766100000000-tenant-next-due';
import { ContentReturnedByScheduler1766300000000 } from './migrations/1766300000000-content-returned-by-scheduler';
import { SignInCountWhole1766400000000 } from './migrations/1766400000000-sign-in-count-whole';
import { SiteScores1766500000000 } from './migrations/1766500000000-site-scores';
import { DigestProgress1766600000000 } from './migrations/1766600000000-digest-progress';
import { CityScoreDays1766700000000 } from './migrations/1766700000000-city-score-days';
import { SiteStatus1766800000000 } from './migrations/1766800000000-site-status';
import { CalendarDays1766900000000 } from './migrations/1766900000000-calendar-days';
import { InformationRequests1767000000000 } from './migrations/1767000000000-information-requests';
import { MembershipDuties1767100000000 } from './migrations/1767100000000-membership-duties';
import { InformationRequestEvents1767200000000 } from './migrations/1767200000000-information-request-events';
import { RequestClarified1767300000000 } from './migrations/1767300000000-request-clarified';
import { InformationObjections1767400000000 } from './migrations/1767400000000-information-objections';
import { RequestRegisterIndex1767500000000 } from './migrations/1767500000000-request-register-index';
import { RequestsExpireScore1767600000000 } from './migrations/1767600000000-requests-expire-score';
import { RequesterDataRetention1767700000000 } from './migrations/1767700000000-requester-data-retention';
import { SurveyResponses1767800000000 } from './migrations/1767800000000-survey-responses';
import { SurveyTotals1767900000000 } from './migrations/1767900000000-survey-totals';
import { RequestAttachments1768000000000 } from './migrations/1768000000000-request-attachments';
import { WordpressImports1768100000000 } from './migrations/1768100000000-wordpress-imports';
import { WordpressImportQueue1768200000000 } from './migrations/1768200000000-wordpress-import-queue';
import { WordpressImportFetch1768300000000 } from './migrations/1768300000000-wordpress-import-fetch';
import { WordpressImportOverview1768400000000 } from './migrations/1768400000000-wordpress-import-overview';
import { CityItems1766200000000 } from './migrations/1766200000000-city-items';
import { RefreshGrace1765500000000 } from './migrations/1765500000000-refresh-grace';
import { SpamTerms1765600000000 } from './migrations/1765600000000-spam-terms';
import { Notifications1765700000000 } from './migrations/1765700000000-notifications';
import { NotificationsAboutTenant1765800000000 } from './migrations/1765800000000-notifications-about-tenant';
import { ContentReturnedBy1765900000000 } from './migrations/1765900000000-content-returned-by';
import { BuildChecks1764700000000 } from './migrations/1764700000000-build-checks';

export const MIGRATIONS = [
  Foundation1764300000000,
  Content1764400000000,
  Media1764500000000,
  Builds1764600000000,
  BuildChecks1764700000000,
  TenantFormerSlugs1764800000000,
  ScoreHistory1764900000000,
  OversightPolicy1765000000000,
  Digests1765100000000,
  PortalBuilds1765200000000,
  AccountGrants1765300000000,
  SignInThrottle1765400000000,
  RefreshGrace1765500000000,
  SpamTerms1765600000000,
  Notifications1765700000000,
  NotificationsAboutTenant1765800000000,
  ContentReturnedBy1765900000000,
  RequestThrottles1766000000000,
  TenantNextDue1766100000000,
  CityItems1766200000000,
  ContentReturnedByScheduler1766300000000,
  SignInCountWhole1766400000000,
  SiteScores1766500000000,
  DigestProgress1766600000000,
  CityScoreDays1766700000000,
  SiteStatus1766800000000,
  CalendarDays1766900000000,
  InformationRequests1767000000000,
  MembershipDuties1767100000000,
  InformationRequestEvents1767200000000,
  RequestClarified1767300000000,
  InformationObjections1767400000000,
  RequestRegisterIndex1767500000000,
  RequestsExpireScore1767600000000,
  RequesterDataRetention1767700000000,
  SurveyResponses1767800000000,
  SurveyTotals1767900000000,
  RequestAttachments1768000000000,
  WordpressImports1768100000000,
  WordpressImportQueue1768200000000,
  WordpressImportFetch1768300000000,
  WordpressImportOverview1768400000000,
];
