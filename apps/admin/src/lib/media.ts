import { formatUkuran } from '@laman/shared';

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

/** "22 KB", "1,5 MB". */
export const size = (bytes: number) => formatUkuran(bytes);
