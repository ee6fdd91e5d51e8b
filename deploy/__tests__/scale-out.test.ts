import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { REPO_ROOT } from '@mobio/config';
import { api, freshEnv, rawSql, uploadDocument } from '../../cms/test/harness';
import { ADDRESS_IN_USE, onFreePorts, stopped } from '../../scripts/__tests__/helpers/ports';

/**
 * Two CMS processes on one PostgreSQL database and one document store, as behind a load balancer:
 * nothing that matters lives in a process (sessions are JWTs, grants are read per request,
 * documents are files), so whatever one instance writes the other serves at once.
 */
const onPostgres = process.env.DATABASE_CLIENT === 'postgres';
if (!onPostgres)
  console.warn(
    'SCALE-OUT TEST SKIPPED: it needs PostgreSQL (DATABASE_CLIENT=postgres, as in the CI run)',
  );

/** A CMS instance on a free port; on a new one when another process took it meanwhile. */
function startInstance(
  env: Record<string, string>,
): Promise<{ url: string; process: ChildProcess }> {
  return onFreePorts(1, async ([port]) => {
    const child = spawn(
      process.execPath,
      [join(REPO_ROOT, 'node_modules/@strapi/strapi/bin/strapi.js'), 'start'],
      {
        cwd: join(REPO_ROOT, 'cms'),
        env: {
          ...process.env,
          ...env,
          CMS_PORT: String(port),
          NODE_ENV: 'production',
          SMTP_HOST: '127.0.0.1',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    const url = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 300 && child.exitCode === null && !ADDRESS_IN_USE.test(output); i++) {
      try {
        if ((await fetch(`${url}/_health`)).status === 204) return { url, process: child };
      } catch {
        // not up yet
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await stopped(child);
    throw new Error(`CMS instance did not start:\n${output}`);
  });
}

// Skipped with the line above on SQLite; the CI run on PostgreSQL runs it.
describe.skipIf(!onPostgres)('two CMS instances on one database and one document store', () => {
  const instances: Array<{ url: string; process: ChildProcess }> = [];
  let env: Record<string, string>;

  beforeAll(async () => {
    // The retention job every second on both instances, so that their runs meet.
    env = await freshEnv({
      ADMIN_EMAIL: 'scale@admin.example',
      ADMIN_PASSWORD: 'Scale1234!',
      RETENTION_SCHEDULE: '* * * * * *',
    });
    // One after the other: the first start creates the schema, roles and the first admin.
    instances.push(await startInstance(env));
    instances.push(await startInstance(env));
  }, 180_000);
  afterAll(() => {
    for (const instance of instances) instance.process.kill('SIGTERM');
  });

  it('serves on one instance what was written on the other, sessions and documents included', async () => {
    const [a, b] = instances;
    const registered = await api(a, 'POST', '/api/auth/local/register', {
      body: { username: 'scale', email: 'scale@newcomer.example', password: 'Geheim123!' },
    });
    expect(registered.status).toBe(200);
    const jwt = registered.body.jwt;
    // A session from A is valid on B: the JWT is all there is.
    await api(b, 'PUT', '/api/profiles/me', {
      token: jwt,
      body: { data: { givenNames: 'Amal', familyName: 'Haddad' } },
    });
    expect((await api(a, 'GET', '/api/profiles/me', { token: jwt })).body.data.familyName).toBe(
      'Haddad',
    );

    const pdf = Buffer.from('%PDF-1.7\n% scale-out\n%%EOF\n');
    const uploaded = await uploadDocument(a, jwt, pdf);
    const download = await fetch(
      `${b.url}/api/sharing/documents/${uploaded.body.data.documentId}/file`,
      { headers: { authorization: `Bearer ${jwt}` } },
    );
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);
    expect((await api(b, 'GET', '/api/sharing/ready')).body).toEqual({ status: 'ready' });
  });

  it('stops a revoked grant on the other instance at the next request', async () => {
    const [a, b] = instances;
    const admin = (
      await api(a, 'POST', '/admin/login', {
        body: { email: 'scale@admin.example', password: 'Scale1234!' },
      })
    ).body.data.token;
    const roles = (await api(a, 'GET', '/admin/roles', { token: admin })).body.data;
    const manager = roles.find((role: { code: string }) => role.code === 'integration-manager');
    const invited = await api(a, 'POST', '/admin/users', {
      token: admin,
      body: {
        firstname: 'Sabine',
        lastname: 'Keller',
        email: 'sabine@scale.example',
        roles: [manager.id],
      },
    });
    const registration = await api(a, 'POST', '/admin/register', {
      body: {
        registrationToken: invited.body.data.registrationToken,
        userInfo: { firstname: 'Sabine', lastname: 'Keller', password: 'Staff1234!' },
      },
    });
    const staff = registration.body.data.token;
    const code = (await api(b, 'POST', '/sharing/invitations', { token: staff })).body.data.code;

    const newcomer = (
      await api(a, 'POST', '/api/auth/local', {
        body: { identifier: 'scale@newcomer.example', password: 'Geheim123!' },
      })
    ).body.jwt;
    const grant = await api(a, 'POST', '/api/sharing/grants', {
      token: newcomer,
      body: { data: { invitationCode: code, sections: ['profile'], purpose: 'Beratung' } },
    });
    expect(grant.status).toBe(200);
    const shared = async () =>
      (await api(b, 'GET', '/sharing/shared-with-me', { token: staff })).body.data.length;
    expect(await shared()).toBe(1);
    await api(a, 'POST', `/api/sharing/grants/${grant.body.data.documentId}/revoke`, {
      token: newcomer,
    });
    expect(await shared()).toBe(0);
  });

  it('runs the retention job on one instance at a time: an expired grant is marked once', async () => {
    const [a, b] = instances;
    const admin = (
      await api(a, 'POST', '/admin/login', {
        body: { email: 'scale@admin.example', password: 'Scale1234!' },
      })
    ).body.data.token;
    const roles = (await api(a, 'GET', '/admin/roles', { token: admin })).body.data;
    const manager = roles.find((role: { code: string }) => role.code === 'integration-manager');
    const invited = await api(a, 'POST', '/admin/users', {
      token: admin,
      body: {
        firstname: 'Jonas',
        lastname: 'Weber',
        email: 'jonas@scale.example',
        roles: [manager.id],
      },
    });
    const registration = await api(b, 'POST', '/admin/register', {
      body: {
        registrationToken: invited.body.data.registrationToken,
        userInfo: { firstname: 'Jonas', lastname: 'Weber', password: 'Staff1234!' },
      },
    });
    const staff = registration.body.data.token;
    const newcomer = (
      await api(a, 'POST', '/api/auth/local/register', {
        body: { username: 'expiring', email: 'expiring@newcomer.example', password: 'Geheim123!' },
      })
    ).body.jwt;
    /** Gives a grant by a new invitation code and lets it run out now, for the next job turn. */
    const expiringGrant = async () => {
      const code = (await api(b, 'POST', '/sharing/invitations', { token: staff })).body.data.code;
      const grant = await api(a, 'POST', '/api/sharing/grants', {
        token: newcomer,
        body: { data: { invitationCode: code, sections: ['profile'], purpose: 'Kurs' } },
      });
      expect(grant.status).toBe(200);
      await rawSql(
        env,
        `UPDATE sharing_grants SET expires_at = now() - interval '1 minute' WHERE document_id = '${grant.body.data.documentId}'`,
      );
      return grant.body.data.documentId as string;
    };
    const expiries = async (grant: string) =>
      (await api(a, 'GET', '/api/sharing/access-log', { token: newcomer })).body.data.filter(
        (event: { action: string; resourceId: string }) =>
          event.action === 'grant.expire' && event.resourceId === grant,
      ).length;
    const marked = { timeout: 15_000, interval: 100 };

    // The grant runs out now; both instances' jobs come round every second.
    const first = await expiringGrant();
    await vi.waitFor(async () => expect(await expiries(first)).toBeGreaterThan(0), marked);
    // Two more grants, each run out after the one before was marked: once both are marked, later
    // turns of the jobs have finished, and any run that overlapped the first has had its chance to
    // mark it again.
    const later: string[] = [];
    for (let turn = 0; turn < 2; turn++) {
      later.push(await expiringGrant());
      await vi.waitFor(async () => expect(await expiries(later[turn])).toBeGreaterThan(0), marked);
    }
    for (const grant of [first, ...later]) expect(await expiries(grant)).toBe(1);
  });
});
