import { isFetchError } from '@strapi/strapi/admin';
import type { WorkList } from '../../../server/src/services/work-list';

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
}

export interface RecordSection {
  code: string;
  label: string;
  /** Whether my grant lets me write here (integration plans only). */
  writable: boolean;
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

/** A coded value with its label in every language MoBio speaks (the admin shows de or en). */
export interface Choice {
  code: string;
  label: Record<string, string | null | undefined>;
}

export interface PlanGoal {
  catalogueKey: string | null;
  description: string | null;
  dueDate: string | null;
  status: string;
}

export interface PlanMeasure extends PlanGoal {
  responsible: string;
  responsibleName: string | null;
}

/** What staff write into a plan (config's planContentSchema); empty inputs are ''. */
export interface PlanContent {
  title: string;
  notes: string;
  textLanguage: string;
  fieldsOfAction: Array<{
    field: string;
    situation: string;
    goals: PlanGoal[];
    measures: PlanMeasure[];
  }>;
  reviews: Array<{ date: string; note: string }>;
}

export interface PlanEditorResponse {
  data: {
    owner: { id: string; name: string | null };
    canWrite: boolean;
    plan: {
      documentId: string;
      planStatus: string;
      version: number;
      proposedAt: string | null;
      acceptedAt: string | null;
      acceptedVersion: number | null;
      title: string | null;
      notes: string | null;
      textLanguage: string | null;
      fieldsOfAction: Array<{
        field: string;
        situation: string | null;
        goals: PlanGoal[];
        measures: PlanMeasure[];
      }>;
      reviews: Array<{ date: string; note: string | null }>;
    } | null;
    versions: Array<{ version: number; proposedAt: string; acceptedAt: string | null }>;
    choices: Record<
      'fieldsOfAction' | 'goalStatuses' | 'responsibles' | 'planStatuses' | 'textLanguages',
      Choice[]
    >;
  };
}

/** A standard goal or measure (GET /sharing/plan-catalogue), labelled in every language it has. */
export interface CatalogueEntry {
  key: string;
  field: string;
  kind: 'goal' | 'measure';
  label: Record<string, string | null | undefined>;
}

// The work list's shape is the server's own type, not a copy.
export type { WorkItem, WorkList } from '../../../server/src/services/work-list';

/** GET /sharing/work-list. */
export interface WorkListResponse {
  data: WorkList;
}

/** The HTTP status of a failed admin fetch, if the server answered at all. */
export function statusOf(error: unknown): number | undefined {
  return isFetchError(error) ? error.status : undefined;
}
