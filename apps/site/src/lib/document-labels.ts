/** How the PPID classes and document kinds read on the site (UU 14/2008 terms). */
export const INFORMATION_CLASS_LABELS: Record<string, string> = {
  berkala: 'Informasi berkala',
  serta_merta: 'Informasi serta-merta',
  setiap_saat: 'Informasi tersedia setiap saat',
  dikecualikan: 'Informasi dikecualikan',
};

/** A document kind as written in its code ("renja", "lkjip") made readable. */
export const documentCategory = (code: string) =>
  ({
    renja: 'Rencana Kerja (Renja)',
    renstra: 'Rencana Strategis (Renstra)',
    lkjip: 'LKjIP',
    iku: 'Indikator Kinerja Utama',
  })[code] ?? code.replace(/_/g, ' ').replace(/^./, (first) => first.toUpperCase());
