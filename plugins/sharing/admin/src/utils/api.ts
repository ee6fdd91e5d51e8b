import { isFetchError } from '@strapi/strapi/admin';
import type { WorkList } from '../../../server/src/services/work-list';

// The answers of the sharing plugin's admin routes (plugins/sharing/server/src/routes/admin), as
// the server's services make them: types only, erased from the bundle.
import type { PlanGoal, PlanMeasure } from '../../../server/src/api-types';

export type {
  AccountSummary,
  CatalogueEntry,
  Choice,
  Invitation,
  PlanEditorResponse,
  PlanGoal,
  PlanMeasure,
  RecordEntry,
  RecordResponse,
  SharedWithMeResponse,
  StatisticsResponse,
} from '../../../server/src/api-types';

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
