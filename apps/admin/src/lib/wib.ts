/** Bandar Lampung's clock: every date a person reads or downloads is in WIB (UTC+7, no daylight saving). */
const WIB_OFFSET_MS = 7 * 3_600_000;

/** "2026-11-29" in WIB: for file names and date cells. */
export const wibDay = (date: Date) => new Date(date.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);

/** "2026-11-29 21:40" in WIB: for CSV cells. */
export const wibDateTime = (date: Date) =>
  new Date(date.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');

/**
 * A spreadsheet keeps dates without a zone and shows them as stored: the instant moved to WIB's wall clock, so
 * Excel shows the time Bandar Lampung read.
 */
export const asWibWallClock = (date: Date) => new Date(date.getTime() + WIB_OFFSET_MS);
