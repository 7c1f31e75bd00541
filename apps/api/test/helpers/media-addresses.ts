/** Every file address a media view points a browser at: its main address and each srcset candidate. */
export function mediaAddresses(media: { url: string; srcset: Record<string, string> | null }): string[] {
  const candidates = Object.values(media.srcset ?? {}).flatMap((set) => (set ? set.split(', ') : []));
  return [media.url, ...candidates.map((entry) => entry.split(' ')[0]!)];
}
