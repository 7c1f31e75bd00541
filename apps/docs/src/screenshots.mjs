import path from 'node:path';

/**
 * Where the admin's browser tests leave their phone-size screenshots (apps/admin/test/publish-from-phone.spec.mjs),
 * from this package's folder (where `astro build` runs; a bundled module's own address would not say).
 */
export const SCREENSHOTS = path.resolve(process.cwd(), '../../reports/screenshots/admin');
