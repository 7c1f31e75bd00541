/** A calendar day (`YYYY-MM-DD`) as Indonesians write it, with its weekday: "Senin, 23 Maret 2026". */
export function formatTanggal(day: string): string {
  return new Intl.DateTimeFormat('id-ID', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}
