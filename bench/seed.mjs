// @ts-check
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { SECTIONS } from '@mobio/config';
import { newcomers as DEMO_NEWCOMERS } from '../database/demo/data.mjs';
import { sectionTypes } from './section-types.mjs';

// The sharing plugin's compiled vault format, from the plugin package (CommonJS).
const require = createRequire(import.meta.url);
const {
  newFileKey,
  sealSegment,
} = require('@mobio/strapi-plugin-sharing/server/vault/file-format');
const SECTION_TYPES = sectionTypes();

const DAY = 86_400_000;
/** Grants each newcomer gives, on average; the measured staff member gets GRANTS_OF_MEASURED_STAFF. */
export const GRANTS_PER_NEWCOMER = 10;
export const GRANTS_OF_MEASURED_STAFF = 500;
export const BENCH_PASSWORDS = { newcomer: 'Bench-Newcomer-2026', staff: 'Bench-Staff-2026' };
export const newcomerEmail = (n) => `newcomer${n}@bench.mobio.example`;
export const staffEmail = (s) => `staff${s}@bench.mobio.example`;

/** The numbers of a scale: 1 is 10,000 newcomers, 100,000 grants and 1,000,000 audit events. */
export function sizes(scale) {
  const newcomers = Math.max(10, Math.round(10_000 * scale));
  const grants = newcomers * GRANTS_PER_NEWCOMER;
  return {
    newcomers,
    grants,
    auditEvents: Math.max(100, Math.round(1_000_000 * scale)),
    // As many staff as it takes for the measured one (staff 0) to hold 500 grants at scale 1.
    staff: Math.max(GRANTS_PER_NEWCOMER, Math.round(grants / GRANTS_OF_MEASURED_STAFF)),
  };
}

/** A small deterministic random source, so that two runs seed the same district. */
function random(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** A Strapi-like documentId: 24 lower-case letters and digits. */
function documentId() {
  const bytes = randomBytes(24);
  let id = ALPHABET[bytes[0] % 26];
  for (let i = 1; i < 24; i++) id += ALPHABET[bytes[i] % 36];
  return id;
}
const isoDate = (ms) => new Date(ms).toISOString().slice(0, 10);

/** A demo newcomer's languages, education, work and certificate (database/demo/data.mjs). */
function biographyOf(key) {
  const newcomer = /** @type {any} */ (DEMO_NEWCOMERS.find((newcomer) => newcomer.key === key));
  if (!newcomer) throw new Error(`no demo newcomer ${key} in database/demo/data.mjs`);
  const { languages, education, employment, documents } = newcomer;
  return { languages, education, employment, document: documents[0] };
}

/**
 * Four kinds of biography, after the demo district's newcomers: who they are, in which script
 * they write, and what they learned and worked (the demo newcomer's own entries). Each seeded
 * newcomer follows one of them.
 */
const PERSONAS = [
  {
    ...biographyOf('amal'),
    given: [
      'أمل',
      'سارة',
      'ليلى',
      'محمد',
      'أحمد',
      'يوسف',
      'نور',
      'رنا',
      'خالد',
      'عمر',
      'هبة',
      'مريم',
    ],
    family: [
      'حداد',
      'الخطيب',
      'العلي',
      'الحسن',
      'درويش',
      'الأحمد',
      'النجار',
      'السيد',
      'قاسم',
      'حمدان',
    ],
    places: ['حمص', 'حلب', 'دمشق', 'اللاذقية', 'درعا'],
    nationality: 'SY',
    lang: 'ar',
    uiLocale: 'ar',
    correspondence: ['ar', 'de'],
    residence: ['refugee', 'subsidiaryProtection', 'asylumPending'],
    residenceNote: 'إقامة لمدة ثلاث سنوات',
  },
  {
    ...biographyOf('reza'),
    given: ['رضا', 'علی', 'مریم', 'زهرا', 'حسین', 'فاطمه', 'مهدی', 'سمیرا'],
    family: ['احمدی', 'رحیمی', 'حسینی', 'محمدی', 'کریمی', 'نوری', 'صادقی', 'جعفری'],
    places: ['هرات', 'کابل', 'مزار شریف', 'مشهد'],
    nationality: 'AF',
    lang: 'fa',
    uiLocale: 'fa',
    correspondence: ['fa', 'de'],
    residence: ['asylumPending', 'toleration', 'deportationBan'],
    residenceNote: 'پرونده پناهندگی در حال بررسی',
    document: {
      kind: 'certificate',
      title: 'گواهی آموزش فنی',
      issuer: 'انستیتوت فنی هرات',
      issueDate: '2016-12-20',
      language: 'fa',
    },
  },
  {
    ...biographyOf('aminata'),
    given: [
      'Aminata',
      'Mamadou',
      'Fatoumata',
      'Ibrahima',
      'Mariama',
      'Ousmane',
      'Aïssatou',
      'Alpha',
    ],
    family: ['Diallo', 'Barry', 'Bah', 'Camara', 'Sow', 'Touré', 'Keita', 'Condé'],
    places: ['Kindia', 'Conakry', 'Labé', 'Kankan'],
    nationality: 'GN',
    lang: 'fr',
    uiLocale: 'fr',
    correspondence: ['fr'],
    residence: ['subsidiaryProtection', 'refugee'],
    residenceNote: 'Titre de séjour valable trois ans',
    document: {
      kind: 'diploma',
      title: 'Diplôme d’infirmière',
      issuer: 'École nationale de santé de Kindia',
      issueDate: '2016-07-15',
      language: 'fr',
    },
  },
  {
    ...biographyOf('olena'),
    given: ['Olena', 'Iryna', 'Oksana', 'Andrii', 'Dmytro', 'Nataliia', 'Serhii', 'Yuliia'],
    family: [
      'Kovalenko',
      'Shevchenko',
      'Bondarenko',
      'Tkachenko',
      'Kravchenko',
      'Melnyk',
      'Boiko',
      'Koval',
    ],
    places: ['Kyiv', 'Kharkiv', 'Odesa', 'Dnipro', 'Lviv'],
    nationality: 'UA',
    lang: 'en',
    uiLocale: 'en',
    correspondence: ['en', 'de'],
    residence: ['temporaryProtection'],
    residenceNote: 'Temporary protection until 2027',
    document: {
      kind: 'diploma',
      title: 'Master of Education (Mathematics)',
      issuer: 'Taras Shevchenko National University of Kyiv',
      issueDate: '2010-06-30',
      language: 'uk',
    },
  },
];
// What almost everybody adds after arriving: the integration course and a first job here.
const COURSE = {
  kind: 'course',
  iscedLevel: null,
  institution: 'Volkshochschule Musterstadt',
  place: 'Musterstadt',
  country: 'DE',
  from: '2024-01-08',
  to: '2024-07-12',
  degree: 'Integrationskurs (B1)',
  textLanguage: 'de',
};
const FIRST_JOB = {
  occupation: 'Küchenhilfe',
  iscoCode: '9412',
  employer: 'Kantine am Kreishaus',
  place: 'Musterstadt',
  country: 'DE',
  from: '2024-09-01',
  to: null,
  tasks: 'Vorbereitung, Ausgabe, Spülküche (Minijob)',
  textLanguage: 'de',
};

const STAFF_GIVEN = [
  'Sabine',
  'Jonas',
  'Petra',
  'Michael',
  'Anna',
  'Thomas',
  'Julia',
  'Stefan',
  'Katrin',
  'Markus',
  'Lena',
  'Tobias',
];
const STAFF_FAMILY = [
  'Keller',
  'Weber',
  'Lang',
  'Schmidt',
  'Fischer',
  'Wagner',
  'Becker',
  'Hoffmann',
  'Schäfer',
  'Koch',
  'Richter',
  'Klein',
];
const PURPOSES = [
  'Integrationsberatung',
  'Beratung zur Arbeitssuche',
  'Anerkennung des Abschlusses',
  'Integrationsplan',
  'Wohnungssuche',
  'Sprachkursberatung',
];

const TABLES = [
  'organisations',
  'admin_users',
  'admin_users_roles_lnk',
  'sharing_staff_listings',
  'sharing_staff_listings_staff_lnk',
  'sharing_staff_listings_organisation_lnk',
  'up_users',
  'up_users_role_lnk',
  'profiles',
  'profiles_owner_lnk',
  'language_skills',
  'language_skills_owner_lnk',
  'education_entries',
  'education_entries_owner_lnk',
  'employment_entries',
  'employment_entries_owner_lnk',
  'documents',
  'documents_owner_lnk',
  'documents_education_entry_lnk',
  'sharing_account_activity',
  'sharing_account_activity_owner_lnk',
  'sharing_grants',
  'sharing_grants_owner_lnk',
  'sharing_grants_grantee_lnk',
  'sharing_audit_events',
  'sharing_audit_events_owner_lnk',
];
const STAMP = ['document_id', 'created_at', 'updated_at', 'published_at'];
const FILE_TEXT = Buffer.from(
  `%PDF-1.7\n% MoBio benchmark certificate\n${'0 0 0 RG 10 10 m 200 200 l S\n'.repeat(40)}%%EOF\n`,
);

/** One encrypted vault file, exactly as the upload route writes it (format 2: header, one last segment). */
function writeVaultFile(documentsDir, masterKey, storageKey) {
  const { fileKey, noncePrefix, header } = newFileKey(masterKey);
  // The certificate is smaller than a segment: one segment, sealed as the last.
  const body = Buffer.concat([
    header,
    sealSegment({ fileKey, iv: noncePrefix }, 0, true, FILE_TEXT),
  ]);
  const dir = join(documentsDir, storageKey.slice(0, 2));
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(join(dir, storageKey), body, { mode: 0o600 });
}

/**
 * Writes a district of the given scale straight into the tables the CMS created (bulk inserts in
 * transactions, ids assigned here): newcomers with full biographies and a stored certificate
 * each, staff with directory listings, grants and audit events. Staff 0 holds exactly
 * min(500, newcomers) active grants; newcomer 0 grants staff 0 every section with write access.
 * Returns the counts, the seconds per part and the measured actors.
 * @param {Awaited<ReturnType<typeof import('./db.mjs').connect>>} db
 * @param {{ scale: number, documentsDir: string, masterKey: Buffer, hashes: { newcomer: string, staff: string }, log?: (line: string) => void }} options
 */
export async function seedScale(db, { scale, documentsDir, masterKey, hashes, log = () => {} }) {
  const size = sizes(scale);
  const rnd = random(20261124);
  const now = Date.now();
  const seconds = {};
  // Ids are given here, counting on from what the CMS wrote at its first start.
  const ids = {};
  for (const table of TABLES)
    ids[table] = Number((await db.all(`SELECT COALESCE(MAX(id), 0) AS m FROM "${table}"`))[0].m);
  const nextId = (table) => ++ids[table];
  const timed = async (name, fn) => {
    const t0 = performance.now();
    await db.transaction(fn);
    seconds[name] = (performance.now() - t0) / 1000;
    log(`  ${name}: ${seconds[name].toFixed(1)} s`);
  };
  const newcomerRole = (await db.all(`SELECT id FROM "up_roles" WHERE "type" = ?`, ['newcomer']))[0]
    ?.id;
  const managerRole = (
    await db.all(`SELECT id FROM "admin_roles" WHERE "code" = ?`, ['integration-manager'])
  )[0]?.id;
  if (!newcomerRole || !managerRole)
    throw new Error('the CMS has not created its roles: start it once on this database first');

  // Staff, their organisations and their directory listings.
  const staff = [];
  await timed('staff', async () => {
    const orgs = [];
    for (const [name, kind] of [
      ['Landratsamt Musterstadt – Integrationsmanagement', 'districtOffice'],
      ['Caritasverband Musterstadt', 'charity'],
      ['Jobcenter Musterstadt', 'jobCentre'],
    ]) {
      const id = nextId('organisations');
      orgs.push(id);
      await db.insert(
        'organisations',
        ['id', ...STAMP, 'name', 'kind'],
        [[id, documentId(), new Date(now), new Date(now), new Date(now), name, kind]],
      );
    }
    const users = [];
    const roleLinks = [];
    const listings = [];
    const listingStaff = [];
    const listingOrgs = [];
    for (let s = 0; s < size.staff; s++) {
      const id = nextId('admin_users');
      const firstname = STAFF_GIVEN[s % STAFF_GIVEN.length];
      const lastname = `${STAFF_FAMILY[Math.floor(s / STAFF_GIVEN.length) % STAFF_FAMILY.length]}${s >= STAFF_GIVEN.length * STAFF_FAMILY.length ? `-${s}` : ''}`;
      const at = new Date(now - rnd.int(30, 900) * DAY);
      const listing = nextId('sharing_staff_listings');
      const listingDocumentId = documentId();
      staff.push({
        id,
        name: `${firstname} ${lastname}`,
        email: staffEmail(s),
        listing: listingDocumentId,
      });
      users.push([
        id,
        documentId(),
        at,
        at,
        at,
        firstname,
        lastname,
        staffEmail(s),
        hashes.staff,
        true,
        false,
      ]);
      roleLinks.push([nextId('admin_users_roles_lnk'), id, managerRole, 1, s + 1]);
      listings.push([
        listing,
        listingDocumentId,
        at,
        at,
        at,
        `${firstname} ${lastname}`,
        'Musterstadt',
        true,
      ]);
      listingStaff.push([nextId('sharing_staff_listings_staff_lnk'), listing, id]);
      listingOrgs.push([
        nextId('sharing_staff_listings_organisation_lnk'),
        listing,
        orgs[s % orgs.length],
      ]);
    }
    await db.insert(
      'admin_users',
      ['id', ...STAMP, 'firstname', 'lastname', 'email', 'password', 'is_active', 'blocked'],
      users,
    );
    await db.insert(
      'admin_users_roles_lnk',
      ['id', 'user_id', 'role_id', 'role_ord', 'user_ord'],
      roleLinks,
    );
    await db.insert(
      'sharing_staff_listings',
      ['id', ...STAMP, 'display_name', 'municipality', 'listed'],
      listings,
    );
    await db.insert(
      'sharing_staff_listings_staff_lnk',
      ['id', 'staff_listing_id', 'user_id'],
      listingStaff,
    );
    await db.insert(
      'sharing_staff_listings_organisation_lnk',
      ['id', 'staff_listing_id', 'organisation_id'],
      listingOrgs,
    );
  });

  // Newcomers: account, profile, languages, education, work, one stored certificate, activity.
  const newcomers = [];
  const BATCH = 1000;
  await timed('newcomers with biographies and certificates', async () => {
    for (let start = 0; start < size.newcomers; start += BATCH) {
      /** @type {Record<string, unknown[][]>} */
      const t = {
        users: [],
        roles: [],
        profiles: [],
        profileLinks: [],
        skills: [],
        skillLinks: [],
        education: [],
        educationLinks: [],
        employment: [],
        employmentLinks: [],
        documents: [],
        documentLinks: [],
        documentEducation: [],
        activity: [],
        activityLinks: [],
      };
      for (let n = start; n < Math.min(size.newcomers, start + BATCH); n++) {
        const persona = PERSONAS[n % PERSONAS.length];
        const id = nextId('up_users');
        const joined = now - rnd.int(1, 730) * DAY;
        const at = new Date(joined);
        const givenNames = rnd.pick(persona.given);
        const familyName = rnd.pick(persona.family);
        newcomers.push({ id, email: newcomerEmail(n), givenNames, familyName });
        t.users.push([
          id,
          documentId(),
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
        t.documentEducation.push([
          nextId('documents_education_entry_lnk'),
          document,
          firstEducation,
        ]);

        const activity = nextId('sharing_account_activity');
        const lastActive = new Date(now - rnd.int(0, 200) * DAY);
        t.activity.push([activity, documentId(), at, lastActive, at, lastActive]);
        t.activityLinks.push([nextId('sharing_account_activity_owner_lnk'), activity, id]);
      }
      await db.insert(
        'up_users',
        ['id', ...STAMP, 'username', 'email', 'provider', 'password', 'confirmed', 'blocked'],
        t.users,
      );
      await db.insert('up_users_role_lnk', ['id', 'user_id', 'role_id', 'user_ord'], t.roles);
      await db.insert(
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
        t.profiles,
      );
      await db.insert('profiles_owner_lnk', ['id', 'profile_id', 'user_id'], t.profileLinks);
      await db.insert(
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
        t.skills,
      );
      await db.insert(
        'language_skills_owner_lnk',
        ['id', 'language_skill_id', 'user_id'],
        t.skillLinks,
      );
      await db.insert(
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
        t.education,
      );
      await db.insert(
        'education_entries_owner_lnk',
        ['id', 'education_entry_id', 'user_id'],
        t.educationLinks,
      );
      await db.insert(
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
        t.employment,
      );
      await db.insert(
        'employment_entries_owner_lnk',
        ['id', 'employment_entry_id', 'user_id'],
        t.employmentLinks,
      );
      await db.insert(
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
        t.documents,
      );
      await db.insert('documents_owner_lnk', ['id', 'document_id', 'user_id'], t.documentLinks);
      await db.insert(
        'documents_education_entry_lnk',
        ['id', 'document_id', 'education_entry_id'],
        t.documentEducation,
      );
      await db.insert(
        'sharing_account_activity',
        ['id', 'document_id', 'created_at', 'updated_at', 'published_at', 'last_active_at'],
        t.activity,
      );
      await db.insert(
        'sharing_account_activity_owner_lnk',
        ['id', 'account_activity_id', 'user_id'],
        t.activityLinks,
      );
    }
  });

  // Grants: newcomer n gives grants to GRANTS_PER_NEWCOMER consecutive staff members (mod the
  // staff count), so that every staff member receives the same number. Staff 0's grants and each
  // staff member's first grant stay active; of the others some were revoked and some expired.
  /** @type {Map<number, number[]>} */
  const grantsOf = new Map(staff.map((member) => [member.id, []]));
  await timed('grants', async () => {
    const rows = [];
    const owners = [];
    const grantees = [];
    for (let g = 0; g < size.grants; g++) {
      const n = Math.floor(g / GRANTS_PER_NEWCOMER);
      const s = g % size.staff;
      const id = nextId('sharing_grants');
      const created = now - rnd.int(1, 700) * DAY;
      const keep = s === 0 || g < size.staff;
      const revoked = !keep && rnd.chance(0.08);
      const expired = !keep && !revoked && rnd.chance(0.04);
      const everything = g === 0 || g < size.staff;
      const sections = everything
        ? [...SECTIONS.codes]
        : SECTIONS.codes.filter(() => rnd.chance(0.5));
      if (sections.length === 0) sections.push('profile');
      const expiresAt = expired ? now - rnd.int(1, 60) * DAY : now + rnd.int(30, 1095) * DAY;
      const updated = revoked
        ? created + rnd.int(0, Math.floor((now - created) / DAY)) * DAY
        : created;
      rows.push([
        id,
        documentId(),
        new Date(created),
        new Date(updated),
        new Date(created),
        sections,
        everything || (sections.includes('plans') && rnd.chance(0.3)) ? 'write' : 'read',
        rnd.pick(PURPOSES),
        new Date(expiresAt),
        revoked ? new Date(updated) : null,
        expired ? new Date(expiresAt + DAY) : null,
      ]);
      owners.push([nextId('sharing_grants_owner_lnk'), id, newcomers[n].id]);
      grantees.push([nextId('sharing_grants_grantee_lnk'), id, staff[s].id]);
      if (!revoked && !expired) grantsOf.get(staff[s].id)?.push(n);
    }
    await db.insert(
      'sharing_grants',
      ['id', ...STAMP, 'sections', 'access', 'purpose', 'expires_at', 'revoked_at', 'expired_at'],
      rows,
    );
    await db.insert('sharing_grants_owner_lnk', ['id', 'grant_id', 'user_id'], owners);
    await db.insert('sharing_grants_grantee_lnk', ['id', 'grant_id', 'user_id'], grantees);
  });

  // Two years of audit events: mostly staff reading what was shared with them, then downloads,
  // plan edits, the owners' grant changes and the retention job's entries.
  await timed('audit events', async () => {
    const sectionCodes = SECTIONS.codes;
    for (let start = 0; start < size.auditEvents; start += 20_000) {
      const rows = [];
      const links = [];
      for (let e = start; e < Math.min(size.auditEvents, start + 20_000); e++) {
        const n = e % size.newcomers;
        const member =
          staff[(n * GRANTS_PER_NEWCOMER + rnd.int(0, GRANTS_PER_NEWCOMER - 1)) % size.staff];
        const at = new Date(now - rnd.int(0, 730 * 24 * 60) * 60_000);
        const roll = rnd.next();
        let event;
        if (roll < 0.6) {
          const section = rnd.pick(sectionCodes);
          event = [
            'staff',
            member.id,
            member.name,
            'read',
            section,
            SECTION_TYPES[section],
            documentId(),
          ];
        } else if (roll < 0.7)
          event = [
            'staff',
            member.id,
            member.name,
            'download',
            'documents',
            SECTION_TYPES.documents,
            documentId(),
          ];
        else if (roll < 0.8)
          event = [
            'staff',
            member.id,
            member.name,
            'update',
            'plans',
            SECTION_TYPES.plans,
            documentId(),
          ];
        else if (roll < 0.95)
          event = [
            'newcomer',
            newcomers[n].id,
            null,
            rnd.pick(['grant.create', 'grant.update', 'grant.revoke']),
            null,
            'plugin::sharing.grant',
            documentId(),
          ];
        else
          event = [
            'system',
            null,
            null,
            rnd.pick(['grant.expire', 'retention.notice']),
            null,
            null,
            null,
          ];
        const id = nextId('sharing_audit_events');
        rows.push([id, documentId(), at, at, at, ...event, at]);
        links.push([nextId('sharing_audit_events_owner_lnk'), id, newcomers[n].id]);
      }
      await db.insert(
        'sharing_audit_events',
        [
          'id',
          ...STAMP,
          'actor_kind',
          'actor_id',
          'actor_name',
          'action',
          'section',
          'resource_type',
          'resource_id',
          'at',
        ],
        rows,
      );
      await db.insert('sharing_audit_events_owner_lnk', ['id', 'audit_event_id', 'user_id'], links);
    }
  });

  if (db.client === 'postgres') {
    await db.resetSequences(TABLES);
    // What autovacuum would do within a minute of such a load; SQLite has no such job, and
    // nothing in MoBio runs ANALYZE there, so its planner is left with what it has.
    const t0 = performance.now();
    await db.analyze();
    seconds.analyze = (performance.now() - t0) / 1000;
  }

  /** A search term of "shared with me" for a staff member: a family name several of their newcomers share. */
  const searchTermOf = (member) => {
    const counts = new Map();
    for (const n of grantsOf.get(member.id) ?? []) {
      const { familyName } = newcomers[n];
      if (/^[A-Za-z]/.test(familyName)) counts.set(familyName, (counts.get(familyName) ?? 0) + 1);
    }
    return (
      [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ??
      newcomers[grantsOf.get(member.id)?.[0] ?? 0].familyName
    );
  };
  return { size, seconds, staff, newcomers, grantsOf, searchTermOf };
}
