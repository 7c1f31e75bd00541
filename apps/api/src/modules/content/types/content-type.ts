import { type FieldError } from '../../../core/errors/domain-error';
import { type Type } from '@nestjs/common';

export const CONTENT_TYPES = [
  'berita',
  'pengumuman',
  'agenda',
  'halaman',
  'pejabat',
  'layanan',
  'dokumen',
  'indikator',
  'galeri',
] as const;
export type ContentTypeName = (typeof CONTENT_TYPES)[number];

/** Columns of the public projection that lists filter and sort on. */
export interface ProjectedColumns {
  title: string;
  summary: string | null;
  category: string | null;
  tags: string[];
  year: number | null;
  startsAt: Date | null;
  endsAt: Date | null;
  validFrom: Date | null;
  validUntil: Date | null;
  urgent: boolean;
  headline: boolean;
  sortOrder: number | null;
  /** Text for full-text search, by weight: A (titles), B (summaries), C (bodies). */
  search: { a: string; b: string; c: string };
}

/**
 * Everything Laman knows about one content type: its fields (a validated DTO), how to show it in lists and
 * search, and which fields hold rich text (rendered to sanitised HTML on publish).
 */
export interface ContentTypeDefinition<F extends object = object> {
  name: ContentTypeName;
  label: string;
  description: string;
  fields: Type<F>;
  richTextFields: Array<keyof F & string>;
  project(fields: F): ProjectedColumns;
  /**
   * What must hold for the public to see it, beyond what a draft needs (a draft may be incomplete): checked
   * when the item goes live. Field paths are relative to `fields`.
   */
  publishRules?(fields: F): FieldError[];
}

/** Projected columns with everything a type does not use left empty. */
export function projection(
  columns: Pick<ProjectedColumns, 'title' | 'search'> & Partial<ProjectedColumns>,
): ProjectedColumns {
  return {
    summary: null,
    category: null,
    tags: [],
    year: null,
    startsAt: null,
    endsAt: null,
    validFrom: null,
    validUntil: null,
    urgent: false,
    headline: false,
    sortOrder: null,
    ...columns,
  };
}
