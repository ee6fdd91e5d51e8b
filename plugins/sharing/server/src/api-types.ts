import type { AccountSummary } from './services/accounts';
import type { MergedEntry } from './services/catalogue';
import type { Choice, PlanGoal, PlanMeasure } from './plan-content';
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

export type SharedWithMeResponse = Answer<StaffService['sharedWithMe']>;
export type RecordResponse = { data: Answer<StaffService['record']> };
export type RecordEntry = RecordResponse['data']['sections'][number]['entries'][number];
export type Invitation = Answer<InvitationService['create']>;
export type StatisticsResponse = { data: Json<Statistics> };
export type PlanEditorResponse = { data: Answer<PlansService['editorView']> };
/** A standard goal or measure (GET /sharing/plan-catalogue), labelled in every language it has. */
export type CatalogueEntry = Json<MergedEntry>;
export type { AccountSummary, Choice, PlanGoal, PlanMeasure };
