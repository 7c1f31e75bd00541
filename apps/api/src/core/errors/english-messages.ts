import { type ErrorCode } from './error-codes';

export type Template = (field: string, args: unknown[]) => string;

/** The response message in English, one per stable code (the Indonesian one may name specifics). */
export const ENGLISH_BY_CODE: Record<ErrorCode, string> = {
  VALIDATION_FAILED: 'The data sent is not valid',
  MALFORMED_REQUEST: 'The request could not be read',
  PASSWORD_POLICY: 'The password does not meet the requirements',
  AUTH_REQUIRED: 'Please sign in first',
  AUTH_INVALID_CREDENTIALS: 'Wrong email or password',
  AUTH_TOKEN_INVALID: 'The sign-in token is not valid; please sign in again',
  AUTH_TOKEN_EXPIRED: 'The sign-in token has expired; please sign in again',
  AUTH_SESSION_ENDED: 'Your session has ended; please sign in again',
  AUTH_REFRESH_INVALID: 'The session is no longer valid; please sign in again',
  AUTH_CURRENT_PASSWORD_WRONG: 'The current password is wrong',
  FORBIDDEN: 'You are not allowed to do this',
  ROLE_INSUFFICIENT: 'Your role does not allow this',
  TENANT_ACCESS_DENIED: 'You have no access to this OPD',
  TENANT_SUSPENDED: 'This OPD is suspended',
  WORKFLOW_FORBIDDEN: 'Your role does not allow this step of the workflow',
  SECOND_EDITOR_REQUIRED: 'Another editor has to approve this',
  NOT_FOUND: 'Not found',
  ROUTE_NOT_FOUND: 'This address does not exist',
  TENANT_NOT_FOUND: 'OPD not found',
  DUTY_REQUIRED: "Only this OPD's PPID officers may do this",
  CALENDAR_DAY_NOT_FOUND: 'This date has no correction',
  REQUEST_NOT_FOUND: 'Request not found: check the registration number and the e-mail or phone you gave',
  USER_NOT_FOUND: 'User not found',
  CONTENT_NOT_FOUND: 'Content not found',
  REVISION_NOT_FOUND: 'Revision not found',
  BUILD_NOT_FOUND: 'Build not found',
  METHOD_NOT_ALLOWED: 'This method is not supported at this address',
  CONFLICT: 'The data conflicts with existing data',
  CONTENT_VERSION_CONFLICT: 'Someone else saved this item in the meantime',
  CONTENT_SLUG_TAKEN: 'This slug is already used by other content',
  WORKFLOW_INVALID_STATE: 'This step is not possible in the item’s current state',
  TENANT_SLUG_TAKEN: 'This slug is already taken',
  TENANT_DOMAIN_TAKEN: 'This domain is already taken',
  USER_ALREADY_MEMBER: 'This user is already a member of the OPD',
  LAST_TENANT_ADMIN: 'The OPD must keep at least one active admin',
  LAST_PLATFORM_ADMIN: 'The platform must keep at least one active platform admin',
  USER_ALREADY_PLATFORM: 'This user already works at city level',
  CANNOT_CHANGE_OWN_ACCESS: 'You cannot change your own access',
  TENANT_STATUS_UNCHANGED: 'The OPD already has this status',
  BUILD_NOT_KEPT: 'That build is no longer kept',
  INVITATION_INVALID: 'This link is no longer valid',
  INVITATION_ACCOUNT_NOT_ACTIVE:
    'The account for this email is not activated yet: open the first invitation link you received to choose a password, then open this link again',
  INVITATION_PASSWORD_WRONG:
    'This email already has a Laman account: enter that account’s password to accept the invitation',
  PAYLOAD_TOO_LARGE: 'The data sent is too large',
  UNSUPPORTED_MEDIA_TYPE: 'Unsupported data type; send JSON',
  UNPROCESSABLE_FILE:
    'This file is too complex to process; save it again as a plain file and upload it again',
  CONTENT_HELD:
    'Held by the spam filter: fix the marked parts and send again. Platform admins have been told; your OPD’s other changes still publish',
  AUTH_THROTTLED: 'Too many failed sign-ins from this device; try again later',
  RATE_LIMITED: 'Too many requests; try again shortly',
  INTERNAL_ERROR: 'Something went wrong on the server. Please try again.',
  SERVICE_UNAVAILABLE: 'The service is temporarily unavailable',
};

const ISO_DATE = (f: string) =>
  `${f} must be an ISO 8601 date (e.g. 2026-12-01 or 2026-12-01T09:00:00+07:00)`;
const ONE_OF = (f: string, values: unknown) => `${f} must be one of: ${(values as unknown[]).join(', ')}`;

/** Field messages in English, by the rule broken; the same rules as the Indonesian templates, and the services' own. */
export const ENGLISH_TEMPLATES: Record<string, Template> = {
  isDefined: (f) => `${f} is required`,
  isObject: (f) => `${f} must be an object`,
  isNotEmpty: (f) => `${f} must not be empty`,
  isString: (f) => `${f} must be text`,
  isBoolean: (f) => `${f} must be true or false`,
  isInt: (f) => `${f} must be a whole number`,
  isNumber: (f) => `${f} must be a number`,
  isUUID: (f) => `${f} must be a valid UUID`,
  isEmail: (f) => `${f} must be a valid email address`,
  isUrl: (f) => `${f} must be a valid URL`,
  isFQDN: (f) => `${f} must be a valid domain name`,
  isIn: (f, [values]) => ONE_OF(f, values),
  isEnum: (f, [values]) => ONE_OF(f, Object.values(values as object)),
  isArray: (f) => `${f} must be a list`,
  arrayMaxSize: (f, [max]) => `${f} holds at most ${max} items`,
  arrayMinSize: (f, [min]) => `${f} holds at least ${min} items`,
  minLength: (f, [min]) => `${f} must be at least ${min} characters`,
  maxLength: (f, [max]) => `${f} must be at most ${max} characters`,
  length: (f, [min, max]) => `${f} must be ${min}–${max} characters`,
  min: (f, [min]) => `${f} must be at least ${min}`,
  max: (f, [max]) => `${f} must be at most ${max}`,
  matches: (f) => `${f} is not in the expected format`,
  isPhoneNumber: (f) => `${f} must be a valid phone number`,
  isIndonesianPhone: (f) =>
    `${f} must be a real Indonesian phone number (e.g. 0721 123456 or +62 812 3456 7890)`,
  isTenantSlug: (f) =>
    `${f} may only hold lowercase letters, digits and hyphens (2–48 characters), and not a reserved word`,
  isRichText: (f, [max]) =>
    `${f} must be a valid rich-text document (at most ${Math.round(Number(max) / 1000)} KB)`,
  isMediaRef: (f) => `${f} must hold a mediaId or an https url`,
  isAfterField: (f, [other]) => `${f} must be after ${other}`,
  isDay: (f) => `${f} must be a real date written YYYY-MM-DD`,
  contactRequired: (f) => `${f} or a phone number is needed, so the PPID can answer`,
  emailForDelivery: (f) => `${f} is needed to receive the information by e-mail`,
  isDateString: ISO_DATE,
  isISO8601: ISO_DATE,
  isHexColor: (f) => `${f} must be a hexadecimal colour (e.g. #0b5394)`,
  hasBrandContrast: (f, [min]) =>
    `${f} is too light: contrast with white text must be at least ${min}:1; choose a darker colour`,
  isLatitude: (f) => `${f} must be a valid latitude`,
  isLongitude: (f) => `${f} must be a valid longitude`,
  requiredWhen: (f, [other]) => `${f} is required when ${other}`,
  nestedValidation: (f) => `${f} must be an object`,
  unknownField: (f) => `${f} is not a known field; remove it`,
  // Rules the services check themselves.
  unique: (f, [value]) => `${f} "${value}" is already taken`,
  commonPassword: (f) => `${f} is too common and easy to guess; choose another`,
  containsEmail: (f) => `${f} must not contain your email address`,
  matchesCurrent: (f) => `${f} is wrong`,
  matchesAccount: (f) => `${f} does not match this account`,
  fileRequiredToPublish: (f) =>
    `${f}: a published document needs its file (unless the information is exempt)`,
  endInFuture: (f) => `${f} has passed: an announcement that has ended shows on no page`,
  differentFromCurrent: (f) => `${f} must differ from the current password`,
  isFuture: (f) => `${f} must be in the future`,
  mediaExists: (f) => `${f}: the file is not in this OPD's media library`,
  altRequired: (f, [fileName]) => `${f}: photo "${fileName}" has no alternative text yet`,
  ownImages: (f) => `${f}: images must come from this OPD's media library (upload first, then insert)`,
  readable: (f) =>
    `${f} must be a domain name (shorteners) or at least 3 letters or digits once read (terms)`,
  fileName: (f) => `${f}: the file name must not contain folders (/ or \\) or control characters`,
  notEmpty: (f) => `${f} is empty`,
  singleFile: (f) => `${f}: send exactly one file in the file field`,
};
