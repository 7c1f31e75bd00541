import type { ApiClient } from '../api';
import type { MediaItem } from '../media';
import type { FormState } from './form-state';
import type { MediaPreview } from './spec';

/** The media-library files a form's state points at, so the form can show them (missing ones are left out). */
export async function mediaPreviews(
  api: ApiClient,
  tenant: string,
  state: FormState,
): Promise<Record<string, MediaPreview>> {
  const ids = [
    ...new Set(
      Object.entries(state)
        .filter(([key, value]) => key.endsWith('.mediaId') && value)
        .map(([, value]) => value),
    ),
  ];
  const found = await Promise.all(
    ids.map((id) => api.get<MediaItem>(`/api/v1/tenants/${tenant}/media/${id}`).catch(() => null)),
  );
  return Object.fromEntries(
    found
      .filter((media): media is MediaItem => media !== null)
      .map((media) => [
        media.id,
        { fileName: media.fileName, thumbnailUrl: media.thumbnailUrl, url: media.url },
      ]),
  );
}
