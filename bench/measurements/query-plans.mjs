// @ts-check
import { call } from '../http.mjs';

/**
 * The statements Strapi runs for the grant lookup (a staff request), the access log and "shared
 * with me", captured in the CMS, and the plan the database chooses for each at this scale.
 */
export async function queryPlans(db, cmsUrl, { staffToken, owner, search }) {
  const traced = async (request) => {
    await call(cmsUrl, 'POST', '/bench/trace');
    await request();
    return (await call(cmsUrl, 'DELETE', '/bench/trace')).json.filter((q) =>
      /^\s*select/i.test(q.sql),
    );
  };
  // Table names are quoted with backticks on SQLite, with double quotes on PostgreSQL.
  const PERSONAL =
    /[`"](profiles|language_skills|education_entries|employment_entries|documents|integration_plans)[`"]/;
  const PLUGIN = /[`"](sharing_\w+|profiles|up_users)[`"]/;
  const record = () =>
    call(cmsUrl, 'GET', `/sharing/records/${owner.documentId}`, { token: staffToken });
  const groups = [
    {
      name: 'admin session check (every staff request)',
      filter: (sql) => /strapi_sessions/.test(sql),
      request: record,
    },
    {
      name: 'grant lookup (every staff request)',
      filter: (sql) => /sharing_grants/.test(sql),
      request: record,
    },
    {
      name: 'staff reads a record: each section scoped by the sharing rule',
      filter: (sql) => PERSONAL.test(sql),
      request: record,
    },
    {
      name: 'newcomer reads their own list (GET /api/language-skills)',
      filter: (sql) => /language_skills|sharing_account_activity/.test(sql),
      request: () => call(cmsUrl, 'GET', '/api/language-skills', { token: owner.jwt }),
    },
    {
      name: 'access log (newcomer, first page)',
      filter: (sql) => /sharing_audit_events/.test(sql),
      request: () => call(cmsUrl, 'GET', '/api/sharing/access-log', { token: owner.jwt }),
    },
    {
      name: '"shared with me" (first page)',
      filter: (sql) => PLUGIN.test(sql),
      request: () => call(cmsUrl, 'GET', '/sharing/shared-with-me', { token: staffToken }),
    },
    {
      name: `"shared with me" (search ${search})`,
      filter: (sql) => PLUGIN.test(sql),
      request: () =>
        call(cmsUrl, 'GET', `/sharing/shared-with-me?search=${encodeURIComponent(search)}`, {
          token: staffToken,
        }),
    },
  ];
  const out = [];
  for (const group of groups) {
    const statements = [];
    const seen = new Set();
    for (const query of await traced(group.request)) {
      // The same statement with another number of values in a list is shown once.
      const shape = query.sql.replace(/\?(, \?)+/g, '?…');
      if (!group.filter(query.sql) || seen.has(shape)) continue;
      seen.add(shape);
      statements.push({ sql: query.sql, plan: await db.explain(query.sql, query.bindings) });
    }
    out.push({ name: group.name, statements });
  }
  return out;
}

const LARGE =
  /(strapi_sessions|up_users|profiles|language_skills|education_entries|employment_entries|documents|sharing_grants|sharing_audit_events|sharing_account_activity)\w*/;
/** Plan lines that read a whole large table instead of searching an index. */
export function fullScans(result) {
  const found = new Set();
  for (const group of result.plans ?? []) {
    for (const statement of group.statements) {
      for (const line of statement.plan) {
        const sqlite = /^\s*SCAN (\S+)(?! USING (?:COVERING )?INDEX)/.exec(line);
        const pg = /Seq Scan on (\S+)/.exec(line);
        const table = sqlite ? aliasTable(statement.sql, sqlite[1]) : pg?.[1];
        if (table && LARGE.test(table) && !/USING (COVERING )?INDEX/.test(line))
          found.add(`${group.name}: ${table}`);
      }
    }
  }
  return [...found];
}
/** SQLite names a table by its alias in a plan (`SCAN t1`): the table behind it. */
function aliasTable(sql, alias) {
  const match = new RegExp(`[\`"]?(\\w+)[\`"]?\\s+as\\s+[\`"]?${alias}[\`"]?\\b`, 'i').exec(sql);
  return match?.[1] ?? alias;
}
