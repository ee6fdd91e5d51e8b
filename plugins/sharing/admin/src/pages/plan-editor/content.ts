import type { PlanContent, PlanEditorResponse, PlanGoal, PlanMeasure } from '../../utils/api';

/** What the server answers for the plan editor: the plan, its versions, the choices, the owner. */
export type Editor = PlanEditorResponse['data'];
/** One field of action as the editor edits it. */
export type FieldContent = PlanContent['fieldsOfAction'][number];
/** Field errors from the server, by path ("fieldsOfAction.0.goals.1.description"), as catalogue keys. */
export type Errors = Record<string, string>;
/** The localized error of one input, by its path; undefined when it has none. */
export type ErrorOf = (path: string) => string | undefined;
/** Changes the edited content; the change gets the current content and returns the next. */
export type Update = (change: (draft: PlanContent) => PlanContent) => void;

export const EMPTY: PlanContent = {
  title: '',
  fieldsOfAction: [],
  reviews: [],
  notes: '',
  textLanguage: 'de',
};

export const newGoal = (): PlanGoal => ({
  catalogueKey: null,
  description: '',
  dueDate: '',
  status: 'open',
});

export const newMeasure = (): PlanMeasure => ({
  catalogueKey: null,
  description: '',
  responsible: 'newcomer',
  responsibleName: '',
  dueDate: '',
  status: 'open',
});

/** The two lists of a field of action: goals and measures, each with its texts and its empty item. */
export const KINDS = [
  {
    kind: 'goal',
    list: 'goals',
    heading: 'plan.goals',
    item: 'plan.goal',
    add: 'plan.addGoal',
    empty: newGoal,
  },
  {
    kind: 'measure',
    list: 'measures',
    heading: 'plan.measures',
    item: 'plan.measure',
    add: 'plan.addMeasure',
    empty: newMeasure,
  },
] as const;

/** `list` with the element at `index` replaced by `next`. */
export const replaceAt = <T>(list: readonly T[], index: number, next: T): T[] =>
  list.map((old, i) => (i === index ? next : old));

/** `list` without the element at `index`. */
export const removeAt = <T>(list: readonly T[], index: number): T[] =>
  list.filter((_, i) => i !== index);

/** What the editor edits: the plan's content, empty values as '' for the inputs. */
export function contentOf(plan: Editor['plan']): PlanContent {
  if (!plan) return EMPTY;
  const text = (value: string | null | undefined) => value ?? '';
  return {
    title: text(plan.title),
    notes: text(plan.notes),
    textLanguage: plan.textLanguage ?? 'de',
    fieldsOfAction: plan.fieldsOfAction.map((field) => ({
      field: field.field,
      situation: text(field.situation),
      goals: field.goals.map((goal) => ({
        ...goal,
        description: text(goal.description),
        dueDate: text(goal.dueDate),
      })),
      measures: field.measures.map((measure) => ({
        ...measure,
        description: text(measure.description),
        responsibleName: text(measure.responsibleName),
        dueDate: text(measure.dueDate),
      })),
    })),
    reviews: plan.reviews.map((review) => ({ date: text(review.date), note: text(review.note) })),
  };
}
