// @ts-check
import { STAMP } from './rows.mjs';

/**
 * The tables a newcomer's rows go to, in the order they are written (links after what they link):
 * the key of the rows in a batch, the table and its columns.
 * @type {[string, string, string[]][]}
 */
const NEWCOMER_TABLES = [
  [
    'users',
    'up_users',
    ['id', ...STAMP, 'username', 'email', 'provider', 'password', 'confirmed', 'blocked'],
  ],
  ['roles', 'up_users_role_lnk', ['id', 'user_id', 'role_id', 'user_ord']],
  [
    'profiles',
    'profiles',
    [
      'id',
      ...STAMP,
      'given_names',
      'family_name',
      'birth_date',
      'birth_place',
      'nationality',
      'correspondence_languages',
      'contact_email',
      'phone',
      'address',
      'family_status',
      'children',
      'arrival_date',
      'residence_status',
      'residence_note',
      'ui_locale',
      'text_language',
    ],
  ],
  ['profileLinks', 'profiles_owner_lnk', ['id', 'profile_id', 'user_id']],
  [
    'skills',
    'language_skills',
    [
      'id',
      ...STAMP,
      'language',
      'native',
      'listening',
      'reading',
      'spoken_interaction',
      'spoken_production',
      'writing',
      'courses',
      'notes',
      'text_language',
    ],
  ],
  ['skillLinks', 'language_skills_owner_lnk', ['id', 'language_skill_id', 'user_id']],
  [
    'education',
    'education_entries',
    [
      'id',
      ...STAMP,
      'kind',
      'isced_level',
      'institution',
      'place',
      'country',
      'from',
      'to',
      'degree',
      'subject',
      'recognition_status',
      'notes',
      'text_language',
    ],
  ],
  ['educationLinks', 'education_entries_owner_lnk', ['id', 'education_entry_id', 'user_id']],
  [
    'employment',
    'employment_entries',
    [
      'id',
      ...STAMP,
      'occupation',
      'isco_code',
      'employer',
      'place',
      'country',
      'from',
      'to',
      'tasks',
      'skills',
      'text_language',
    ],
  ],
  ['employmentLinks', 'employment_entries_owner_lnk', ['id', 'employment_entry_id', 'user_id']],
  [
    'documents',
    'documents',
    [
      'id',
      ...STAMP,
      'kind',
      'title',
      'issuer',
      'issue_date',
      'language',
      'file_name',
      'mime_type',
      'size',
      'storage_key',
    ],
  ],
  ['documentLinks', 'documents_owner_lnk', ['id', 'document_id', 'user_id']],
  [
    'documentEducation',
    'documents_education_entry_lnk',
    ['id', 'document_id', 'education_entry_id'],
  ],
  [
    'activity',
    'sharing_account_activity',
    ['id', 'document_id', 'created_at', 'updated_at', 'published_at', 'last_active_at'],
  ],
  ['activityLinks', 'sharing_account_activity_owner_lnk', ['id', 'account_activity_id', 'user_id']],
];

/** An empty batch: one list of rows per table. */
export const newcomerRows = () =>
  /** @type {Record<string, unknown[][]>} */ (
    Object.fromEntries(NEWCOMER_TABLES.map(([key]) => [key, []]))
  );

/**
 * Writes a batch of newcomers' rows, table by table.
 * @param {Awaited<ReturnType<typeof import('../db.mjs').connect>>} db
 * @param {Record<string, unknown[][]>} t
 */
export async function insertNewcomerRows(db, t) {
  for (const [key, table, columns] of NEWCOMER_TABLES) await db.insert(table, columns, t[key]);
}
