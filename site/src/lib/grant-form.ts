import { grantRequestSchema, SECTIONS, type GrantRequest } from '@mobio/config';
import { type FieldErrors, firstErrors } from './forms';

/*
 * The "give a grant" form: what was typed, read from a posted form (sections come as several
 * values), and checked with the very schema the CMS uses, so its messages (catalogue keys) show
 * next to the fields before the CMS is asked.
 */

/** How the newcomer names the staff member: a code from them, or a pick from the directory. */
export type GrantVia = 'code' | 'directory';

export interface GrantFormValues {
  via: GrantVia;
  invitationCode: string;
  grantee: string;
  sections: string[];
  access: string;
  purpose: string;
  expiresAt: string;
}

export const emptyGrantForm = (via: GrantVia, invitationCode = ''): GrantFormValues => ({
  via,
  invitationCode,
  grantee: '',
  sections: [],
  access: 'read',
  purpose: '',
  expiresAt: '',
});

export const isVia = (value: unknown): value is GrantVia =>
  value === 'code' || value === 'directory';

const text = (data: FormData | undefined, name: string) => {
  const value = data?.get(name);
  return typeof value === 'string' ? value : '';
};

/** The grant form's fields and the step asked for ('review', 'confirm' or 'edit'); a broken body reads as empty. */
export async function readGrantForm(
  request: Request,
): Promise<{ values: GrantFormValues; step: string }> {
  let data: FormData | undefined;
  try {
    data = await request.formData();
  } catch {
    data = undefined;
  }
  const via = text(data, 'via');
  const values: GrantFormValues = {
    via: isVia(via) ? via : 'code',
    invitationCode: text(data, 'invitationCode').trim(),
    grantee: text(data, 'grantee'),
    // Only the known codes, each once, in the order of the list: nothing else reaches the CMS.
    sections: SECTIONS.codes.filter((code) => data?.getAll('sections').includes(code)),
    access: text(data, 'access') || 'read',
    purpose: text(data, 'purpose'),
    expiresAt: text(data, 'expiresAt').trim(),
  };
  return { values, step: text(data, 'step') };
}

export type GrantValidation = { ok: true; data: GrantRequest } | { ok: false; errors: FieldErrors };

/**
 * Checks the form with grantRequestSchema. Only the field of the chosen way is sent, so "code and
 * directory" cannot both be set; the schema's "one of the two" message then belongs to that field.
 */
export function validateGrant(values: GrantFormValues): GrantValidation {
  const input = {
    ...(values.via === 'code'
      ? { invitationCode: values.invitationCode }
      : { grantee: values.grantee }),
    sections: values.sections,
    access: values.access,
    purpose: values.purpose,
    expiresAt: values.expiresAt,
  };
  const parsed = grantRequestSchema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  // The schema's "one of the two" may name either field: it belongs to the one shown.
  const whoField = values.via === 'code' ? 'invitationCode' : 'grantee';
  const errors = firstErrors(
    parsed.error,
    [whoField, 'sections', 'access', 'purpose', 'expiresAt'],
    (field) => (field === 'grantee' || field === 'invitationCode' ? whoField : field),
  );
  // An empty code field is a missing code, not a wrongly typed one.
  if (errors[whoField] === 'error.granteeOrCode')
    errors[whoField] =
      values.via === 'code' ? 'error.invitationCodeMissing' : 'error.granteeMissing';
  return { ok: false, errors };
}

/** The day a grant without a chosen end runs out: today plus GRANT_DEFAULT_DAYS. */
export function defaultExpiry(days: number, now = new Date()): Date {
  return new Date(now.getTime() + days * 24 * 60 * 60 * 1000);
}

/** yyyy-mm-dd of a date in UTC, for <input type="date"> limits (the schema compares UTC days too). */
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);
