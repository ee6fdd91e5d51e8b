// @ts-check
import { randomUUID } from 'node:crypto';
import { insertNewcomerRows, newcomerRows } from './newcomer-tables.mjs';
import { COURSE, FIRST_JOB, PERSONAS } from './people.mjs';
import { DAY, documentId, isoDate } from './rows.mjs';
import { newcomerEmail } from './sizes.mjs';
import { FILE_TEXT, writeVaultFile } from './vault.mjs';

const BATCH = 1000;

// Newcomers: account, profile, languages, education, work, one stored certificate, activity.
// Written in batches of BATCH newcomers; returns them as { id, email, givenNames, familyName }.
/** @param {import('./context.mjs').SeedContext} ctx */
export async function seedNewcomers(ctx) {
  const { db, size } = ctx;
  const newcomers = [];
  for (let start = 0; start < size.newcomers; start += BATCH) {
    const t = newcomerRows();
    for (let n = start; n < Math.min(size.newcomers, start + BATCH); n++)
      newcomers.push(addNewcomer(ctx, t, n));
    await insertNewcomerRows(db, t);
  }
  return newcomers;
}

/**
 * Adds the rows of newcomer `n` to `t`: account, profile, languages, education, work, one stored
 * certificate (its encrypted file written now) and activity.
 * @param {import('./context.mjs').SeedContext} ctx
 * @param {Record<string, unknown[][]>} t
 * @param {number} n
 */
function addNewcomer({ rnd, now, nextId, hashes, newcomerRole, documentsDir, masterKey }, t, n) {
  const persona = PERSONAS[n % PERSONAS.length];
  const id = nextId('up_users');
  const joined = now - rnd.int(1, 730) * DAY;
  const at = new Date(joined);
  const givenNames = rnd.pick(persona.given);
  const familyName = rnd.pick(persona.family);
  const newcomer = {
    id,
    documentId: documentId(),
    email: newcomerEmail(n),
    givenNames,
    familyName,
  };
  t.users.push([
    id,
    newcomer.documentId,
    at,
    at,
    at,
    `n-bench${String(n).padStart(11, '0')}`,
    newcomerEmail(n),
    'local',
    hashes.newcomer,
    true,
    false,
  ]);
  t.roles.push([nextId('up_users_role_lnk'), id, newcomerRole, n + 1]);

  const profile = nextId('profiles');
  t.profiles.push([
    profile,
    documentId(),
    at,
    at,
    at,
    givenNames,
    familyName,
    isoDate(Date.UTC(rnd.int(1960, 2005), rnd.int(0, 11), rnd.int(1, 28))),
    rnd.pick(persona.places),
    persona.nationality,
    persona.correspondence,
    newcomerEmail(n),
    `+49 170 ${String(rnd.int(0, 9_999_999)).padStart(7, '0')}`,
    `Musterweg ${rnd.int(1, 120)}, 12345 Musterstadt`,
    rnd.pick(['single', 'married', 'married', 'divorced', 'widowed']),
    rnd.int(0, 4),
    isoDate(Date.UTC(rnd.int(2015, 2025), rnd.int(0, 11), rnd.int(1, 28))),
    rnd.pick(persona.residence),
    persona.residenceNote,
    persona.uiLocale,
    persona.lang,
  ]);
  t.profileLinks.push([nextId('profiles_owner_lnk'), profile, id]);

  for (const skill of persona.languages) {
    const row = nextId('language_skills');
    t.skills.push([
      row,
      documentId(),
      at,
      at,
      at,
      skill.language,
      skill.native ?? false,
      skill.listening ?? null,
      skill.reading ?? null,
      skill.spokenInteraction ?? null,
      skill.spokenProduction ?? null,
      skill.writing ?? null,
      skill.courses ?? null,
      null,
      skill.textLanguage ?? null,
    ]);
    t.skillLinks.push([nextId('language_skills_owner_lnk'), row, id]);
  }
  let firstEducation;
  for (const entry of [...persona.education, COURSE]) {
    const row = nextId('education_entries');
    firstEducation ??= row;
    t.education.push([
      row,
      documentId(),
      at,
      at,
      at,
      entry.kind,
      entry.iscedLevel ?? null,
      entry.institution,
      entry.place ?? null,
      entry.country,
      entry.from,
      entry.to,
      entry.degree ?? null,
      entry.subject ?? null,
      entry.recognitionStatus ?? null,
      null,
      entry.textLanguage,
    ]);
    t.educationLinks.push([nextId('education_entries_owner_lnk'), row, id]);
  }
  for (const entry of [...persona.employment, FIRST_JOB]) {
    const row = nextId('employment_entries');
    t.employment.push([
      row,
      documentId(),
      at,
      at,
      at,
      entry.occupation,
      entry.iscoCode,
      entry.employer,
      entry.place ?? null,
      entry.country,
      entry.from,
      entry.to,
      entry.tasks ?? null,
      null,
      entry.textLanguage,
    ]);
    t.employmentLinks.push([nextId('employment_entries_owner_lnk'), row, id]);
  }
  const document = nextId('documents');
  const storageKey = randomUUID();
  writeVaultFile(documentsDir, masterKey, storageKey);
  const doc = persona.document;
  t.documents.push([
    document,
    documentId(),
    at,
    at,
    at,
    doc.kind,
    doc.title,
    doc.issuer,
    doc.issueDate,
    doc.language,
    `zeugnis-${n}.pdf`,
    'application/pdf',
    FILE_TEXT.length,
    storageKey,
  ]);
  t.documentLinks.push([nextId('documents_owner_lnk'), document, id]);
  t.documentEducation.push([nextId('documents_education_entry_lnk'), document, firstEducation]);

  const activity = nextId('sharing_account_activity');
  const lastActive = new Date(now - rnd.int(0, 200) * DAY);
  t.activity.push([activity, documentId(), at, lastActive, at, lastActive]);
  t.activityLinks.push([nextId('sharing_account_activity_owner_lnk'), activity, id]);
  return newcomer;
}
