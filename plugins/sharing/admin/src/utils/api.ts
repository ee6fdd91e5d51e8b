import { isFetchError } from '@strapi/strapi/admin';

/** Shapes of the sharing plugin's admin routes (plugins/sharing/server/src/routes/admin). */

export interface Pagination {
  page: number;
  pageSize: number;
  total: number;
  pageCount: number;
}

export interface SharedWithMeRow {
  ownerId: string;
  name: string | null;
  sections: string[];
  sectionLabels: string[];
  access: 'read' | 'write';
  purpose: string;
  since: string;
  until: string;
  updatedAt: string;
}

export interface SharedWithMeResponse {
  data: SharedWithMeRow[];
  meta: { pagination: Pagination };
}

export interface RecordField {
  label: string;
  value: string;
  lang?: string;
  dir?: 'rtl' | 'ltr';
}

export interface RecordEntry {
  documentId: string;
  title: string;
  fields: RecordField[];
  download?: string;
  editUrl?: string;
}

export interface RecordSection {
  code: string;
  label: string;
  entries: RecordEntry[];
}

export interface RecordResponse {
  data: { owner: { id: string; name: string | null }; sections: RecordSection[] };
}

export interface Invitation {
  code: string;
  expiresAt: string;
  url: string;
  qrSvg: string;
}

export interface AccountSummary {
  accountNumber: string;
  createdAt: string;
  locked: boolean;
}

export interface GoalCount {
  field: string;
  fieldLabel: string;
  status: string;
  statusLabel: string;
  count: number | null;
}

export interface StatisticsPeriod {
  period: string;
  newcomers: number | null;
  activeGrants: number | null;
  plans: number | null;
  acceptedAgreements: number | null;
  goals: GoalCount[];
}

export interface StatisticsResponse {
  data: { suppressedBelow: number; periods: StatisticsPeriod[] };
}

/** The HTTP status of a failed admin fetch, if the server answered at all. */
export function statusOf(error: unknown): number | undefined {
  return isFetchError(error) ? error.status : undefined;
}
