import type { AccountSummary } from './services/accounts';
import type { MergedEntry } from './services/catalogue';
import type { InvitationService } from './services/invitation';
import type { PlansService } from './services/plans';
import type { StaffService } from './services/staff';
import type { Statistics } from './services/statistics';

/**
 * What the plugin's admin routes answer (routes/admin), for the admin pages to import with
 * `import type`: derived from the services that make the answers, so a changed answer fails the
 * admin's type check instead of a page. Types only; nothing of the server reaches the admin bundle.
 */

/** A value as it arrives through JSON: dates become strings. */
export type Json<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Json<U>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;

type Answer<F extends (...args: never[]) => unknown> = Json<Awaited<ReturnType<F>>>;

/** A coded value with its label in every language MoBio speaks (the admin shows de or en). */
export interface Choice {
  code: string;
  label: Record<string, string | null | undefined>;
}

/** A goal of a plan as the editor reads and writes it. */
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

/** A plan as the editor shows it: content and bookkeeping, no ids of components, no owner. */
export interface EditorPlan {
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
}

export type SharedWithMeResponse = Answer<StaffService['sharedWithMe']>;
export type RecordResponse = { data: Answer<StaffService['record']> };
export type RecordEntry = RecordResponse['data']['sections'][number]['entries'][number];
export type Invitation = Answer<InvitationService['create']>;
export type StatisticsResponse = { data: Json<Statistics> };
export type PlanEditorResponse = { data: Answer<PlansService['editorView']> };
/** A standard goal or measure (GET /sharing/plan-catalogue), labelled in every language it has. */
export type CatalogueEntry = Json<MergedEntry>;
export type { AccountSummary };
