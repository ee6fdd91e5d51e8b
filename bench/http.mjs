// @ts-check
import { BENCH_PASSWORDS } from './seed.mjs';

/* Requests to the CMS: one JSON call, logins, a plan written as staff. */

/**
 * One JSON request to the CMS; the answer's status, parsed JSON (undefined if it is none) and text.
 * @param {string} url
 * @param {string} method
 * @param {string} path
 * @param {{ token?: string, body?: unknown, headers?: Record<string, string> }} [options]
 */
export async function call(url, method, path, { token, body, headers = {} } = {}) {
  const res = await fetch(url + path, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text };
}
/** Logs a seeded newcomer in; their JWT, id and documentId. */
export async function newcomerLogin(url, email) {
  const res = await call(url, 'POST', '/api/auth/local', {
    body: { identifier: email, password: BENCH_PASSWORDS.newcomer },
  });
  if (res.status !== 200) throw new Error(`login of ${email}: ${res.status} ${res.text}`);
  return { jwt: res.json.jwt, id: res.json.user.id, documentId: res.json.user.documentId };
}
/** Logs a staff member into the admin API; the admin JWT. */
export async function adminLogin(url, email, password) {
  const res = await call(url, 'POST', '/admin/login', { body: { email, password } });
  if (res.status !== 200) throw new Error(`admin login of ${email}: ${res.status} ${res.text}`);
  return res.json.data.token;
}
/** A two-field integration plan, as the plan editor sends it; `notes` changes with each save. */
export const planContent = (
  notes = 'Ziel: Anerkennung des Abschlusses und eine Stelle im erlernten Beruf.',
) => ({
  title: 'Integrationsplan 2026/27',
  notes,
  fieldsOfAction: [
    {
      field: 'language',
      situation: 'Deutsch B1, Fachsprache fehlt.',
      goals: [
        { description: 'Fachsprachprüfung C1 bestehen', dueDate: '2027-06-30', status: 'open' },
      ],
      measures: [
        { description: 'Fachsprachkurs buchen', responsible: 'newcomer', status: 'inProgress' },
      ],
    },
    {
      field: 'work',
      situation: 'Acht Jahre Berufserfahrung.',
      goals: [
        {
          description: 'Anerkennungsverfahren abschließen',
          dueDate: '2027-12-31',
          status: 'inProgress',
        },
      ],
      measures: [{ description: 'Unterlagen einreichen', responsible: 'newcomer', status: 'open' }],
    },
  ],
  reviews: [{ date: '2027-03-01', note: 'Erste Überprüfung' }],
});

/**
 * Writes the integration plan of the newcomer whose account is `ownerDocumentId`, as staff do: in
 * MoBio's plan editor (integration managers have no Content Manager). The path of that plan.
 */
export async function createPlan(url, token, ownerDocumentId) {
  const path = `/sharing/records/${ownerDocumentId}/plan`;
  const res = await call(url, 'PUT', path, { token, body: { data: planContent() } });
  if (res.status !== 200) throw new Error(`plan of ${ownerDocumentId}: ${res.status} ${res.text}`);
  return path;
}
