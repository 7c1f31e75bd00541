import type { ApiClient } from '../api';
import type { MediaItem } from '../media';
import type { FormState } from './form-state';
import type { Field, MediaPreview } from './spec';

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

/** A photo of the library a form offers to reuse. */
export interface LibraryPhoto extends MediaPreview {
  id: string;
  alt: string | null;
}

/** The newest photos of the OPD's library, for the "choose from the library" part of a photo field. */
export async function recentPhotos(api: ApiClient, tenant: string, limit = 12): Promise<LibraryPhoto[]> {
  const answer = await api.get<{ items: MediaItem[] }>(
    `/api/v1/tenants/${tenant}/media?kind=image&limit=${limit}`,
  );
  return answer.items.map((media) => ({
    id: media.id,
    alt: media.alt,
    fileName: media.fileName,
    thumbnailUrl: media.thumbnailUrl,
    url: media.url,
  }));
}

/** Whether a form has a photo field anywhere (only then is the library offered). */
export const hasPhotoField = (fields: Field[]): boolean =>
  fields.some(
    (field) =>
      field.kind === 'photo' ||
      ((field.kind === 'rows' || field.kind === 'group') && hasPhotoField(field.fields)),
  );
