// How much of a request body the admin takes in. The admin reads every form itself (src/middleware.ts) before
// a page runs, so these bounds are what one request can cost it: text is held in memory, files are spooled to
// disk and streamed on to the API (src/lib/request-body). Read once at start-up; a bad value stops the start.

const MB = 1024 * 1024;

/** Posts anyone may send without a session (sign-in, invitation, password reset, language): small forms. */
export const PUBLIC_FORM_BYTES = 64 * 1024;

/**
 * A form's text held in memory: the largest body the API takes (1 MB of JSON) leaves room for a rich-text
 * field written with every character escaped.
 */
export const FORM_TEXT_BYTES = 4 * MB;

function wholeNumber(env, name, fallback) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name}: "${raw}" is not a whole number above 0`);
  return value;
}

/**
 * Per request, with files: `uploadBytes` on the OPD pages (photos and documents of a content item, the media
 * library, the site settings), `importBytes` on the WordPress import pages (an export and its uploads
 * archive; larger archives go through `pnpm wordpress-import` on the server).
 */
export function bodyLimits(env = process.env) {
  return {
    uploadBytes: wholeNumber(env, 'ADMIN_UPLOAD_MAX_MB', 256) * MB,
    importBytes: wholeNumber(env, 'ADMIN_IMPORT_MAX_MB', 1024) * MB,
    // A body that stalls this long (no byte arriving) is given up on (408): a slow phone link still sends
    // something every few seconds; a client holding the connection open on purpose does not.
    idleSeconds: wholeNumber(env, 'ADMIN_BODY_IDLE_SECONDS', 60),
  };
}
