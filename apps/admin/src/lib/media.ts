export interface MediaItem {
  id: string;
  kind: 'image' | 'document';
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  alt: string | null;
  caption: string | null;
  version: number;
  url: string;
  thumbnailUrl: string | null;
  createdAt: string;
}

export const size = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
