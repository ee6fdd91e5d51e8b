import { describe, expect, it } from 'vitest';
import {
  accountAccess,
  actorFromState,
  canChangeStaffAccount,
  canWrite,
  filterPaths,
  isGrantActive,
  namedPaths,
  reachesIntoAccount,
  readScope,
  type GrantFacts,
} from '..';

const now = new Date('2026-11-24T12:00:00Z');
const future = '2027-01-01T00:00:00Z';
const past = '2026-11-24T11:59:59Z';
const grant = (over: Partial<GrantFacts> = {}): GrantFacts => ({
  ownerId: 7,
  sections: ['languages'],
  access: 'read',
  expiresAt: future,
  revokedAt: null,
  ...over,
});
const staff = { kind: 'staff', id: 3 } as const;

describe('actorFromState', () => {
  it('is system outside of any request', () => {
    expect(actorFromState(undefined, false)).toEqual({ kind: 'system' });
  });
  it('tells newcomers, staff and API tokens apart by the authentication strategy', () => {
    expect(
      actorFromState({ auth: { strategy: { name: 'users-permissions' } }, user: { id: 5 } }, true),
    ).toEqual({ kind: 'newcomer', id: 5 });
    expect(
      actorFromState({ auth: { strategy: { name: 'admin' } }, user: { id: 2 } }, true),
    ).toEqual({ kind: 'staff', id: 2 });
    expect(actorFromState({ auth: { strategy: { name: 'content-api-token' } } }, true)).toEqual({
      kind: 'token',
    });
    expect(
      actorFromState({ auth: { strategy: { name: 'admin-token' } }, user: { id: 2 } }, true),
    ).toEqual({ kind: 'token' });
  });
  it('treats an unauthenticated caller in a request as anonymous, never as system', () => {
    expect(actorFromState({}, true)).toEqual({ kind: 'anonymous' });
    expect(actorFromState({ auth: { strategy: { name: 'admin' } } }, true)).toEqual({
      kind: 'anonymous',
    });
  });
  it('treats a caller of a strategy it does not know as a token, which reaches nobody’s data', () => {
    expect(
      actorFromState({ auth: { strategy: { name: 'something-new' } }, user: { id: 1 } }, true),
    ).toEqual({ kind: 'token' });
  });
});

describe('isGrantActive', () => {
  it('holds until the expiry', () => expect(isGrantActive(grant(), now)).toBe(true));
  it('ends at the expiry', () =>
    expect(isGrantActive(grant({ expiresAt: past }), now)).toBe(false));
  it('ends when revoked, even before the expiry', () =>
    expect(isGrantActive(grant({ revokedAt: past }), now)).toBe(false));
});

describe('readScope', () => {
  it('lets a newcomer read only their own records', () => {
    expect(
      readScope({ actor: { kind: 'newcomer', id: 9 }, section: 'profile', grants: [], now }),
    ).toEqual({ ownerIds: [9] });
  });
  it('lets staff read a section of the owners who granted it', () => {
    expect(
      readScope({
        actor: staff,
        section: 'languages',
        grants: [grant(), grant({ ownerId: 8 })],
        now,
      }),
    ).toEqual({ ownerIds: [7, 8] });
  });
  it('cannot read a section that was not granted', () => {
    expect(readScope({ actor: staff, section: 'education', grants: [grant()], now })).toEqual({
      ownerIds: [],
    });
  });
  it('cannot read with a revoked or expired grant', () => {
    const grants = [grant({ revokedAt: past }), grant({ expiresAt: past })];
    expect(readScope({ actor: staff, section: 'languages', grants, now })).toEqual({
      ownerIds: [],
    });
  });
  it('denies API tokens and anonymous callers outright', () => {
    expect(
      readScope({ actor: { kind: 'token' }, section: 'profile', grants: [grant()], now }),
    ).toEqual({ deny: true });
    expect(
      readScope({ actor: { kind: 'anonymous' }, section: 'profile', grants: [], now }),
    ).toEqual({ deny: true });
  });
});

describe('canWrite', () => {
  const writePlans = grant({ sections: ['plans'], access: 'write' });
  it('lets a newcomer change their own biography but not their plan or anyone else’s records', () => {
    const actor = { kind: 'newcomer', id: 7 } as const;
    expect(canWrite({ actor, section: 'education', ownerId: 7, grants: [], now })).toBe(true);
    expect(canWrite({ actor, section: 'plans', ownerId: 7, grants: [], now })).toBe(false);
    expect(canWrite({ actor, section: 'education', ownerId: 8, grants: [], now })).toBe(false);
  });
  it('lets staff write plans only with an active write grant on plans from that owner', () => {
    expect(
      canWrite({ actor: staff, section: 'plans', ownerId: 7, grants: [writePlans], now }),
    ).toBe(true);
    expect(
      canWrite({ actor: staff, section: 'plans', ownerId: 8, grants: [writePlans], now }),
    ).toBe(false);
    expect(
      canWrite({
        actor: staff,
        section: 'plans',
        ownerId: 7,
        grants: [grant({ sections: ['plans'] })],
        now,
      }),
    ).toBe(false);
    expect(
      canWrite({
        actor: staff,
        section: 'plans',
        ownerId: 7,
        grants: [{ ...writePlans, revokedAt: past }],
        now,
      }),
    ).toBe(false);
  });
  it('never lets staff change a biography, even with a write grant', () => {
    const all = grant({ sections: ['profile', 'plans'], access: 'write' });
    expect(canWrite({ actor: staff, section: 'profile', ownerId: 7, grants: [all], now })).toBe(
      false,
    );
  });
  it('refuses a write with no known owner, and any write by tokens or anonymous callers', () => {
    expect(
      canWrite({ actor: staff, section: 'plans', ownerId: undefined, grants: [writePlans], now }),
    ).toBe(false);
    expect(
      canWrite({ actor: { kind: 'token' }, section: 'plans', ownerId: 7, grants: [], now }),
    ).toBe(false);
    expect(
      canWrite({ actor: { kind: 'anonymous' }, section: 'plans', ownerId: 7, grants: [], now }),
    ).toBe(false);
  });
});

describe('accountAccess', () => {
  const read = (
    actor: Parameters<typeof accountAccess>[0]['actor'],
    fields?: string[],
    handler?: string,
  ) => accountAccess({ actor, operation: 'read', handler, fields, targetIds: [] });
  const write = (
    actor: Parameters<typeof accountAccess>[0]['actor'],
    operation: 'create' | 'update' | 'delete',
    targetIds: number[] = [7],
    handler?: string,
  ) => accountAccess({ actor, operation, handler, fields: undefined, targetIds });

  it('lets system code do anything', () => {
    expect(write({ kind: 'system' }, 'update')).toBe(true);
  });
  it('lets a newcomer change and delete only their own account, and create none', () => {
    const amal = { kind: 'newcomer', id: 7 } as const;
    expect(write(amal, 'update', [7])).toBe(true);
    expect(write(amal, 'delete', [7])).toBe(true);
    expect(write(amal, 'update', [7, 8])).toBe(false);
    expect(write(amal, 'update', [])).toBe(false);
    expect(write(amal, 'create', [])).toBe(false);
  });
  it('lets a person who is not logged in write accounts only through the self-service routes', () => {
    const anonymous = { kind: 'anonymous' } as const;
    expect(write(anonymous, 'create', [], 'plugin::users-permissions.auth.register')).toBe(true);
    expect(write(anonymous, 'update', [7], 'plugin::users-permissions.auth.resetPassword')).toBe(
      true,
    );
    expect(write(anonymous, 'update', [7], 'plugin::users-permissions.user.update')).toBe(false);
    expect(write(anonymous, 'update', [7], undefined)).toBe(false);
    expect(write(anonymous, 'delete', [7], 'plugin::users-permissions.auth.register')).toBe(false);
  });
  it('shows staff, super admin included, which account a record belongs to and nothing of the person', () => {
    expect(read(staff, ['id', 'documentId'])).toBe(true);
    expect(read(staff, ['role', 'createdAt'])).toBe(true);
    expect(read(staff, ['id', 'email'])).toBe(false);
    expect(read(staff, ['username'])).toBe(false);
    expect(read(staff, undefined)).toBe(false);
    expect(read(staff, ['role.id'])).toBe(true);
    expect(read(staff, ['role.users'])).toBe(false);
    expect(read(staff, ['role.*'])).toBe(false);
    expect(write(staff, 'update')).toBe(false);
    expect(write(staff, 'delete')).toBe(false);
    expect(write(staff, 'create', [])).toBe(false);
  });
  it('refuses API tokens any account, even a count', () => {
    expect(read({ kind: 'token' }, [])).toBe(false);
    expect(write({ kind: 'token' }, 'update')).toBe(false);
  });
});

describe('canChangeStaffAccount', () => {
  it('lets administrators rename, re-role and deactivate staff accounts', () => {
    expect(
      canChangeStaffAccount({
        actor: staff,
        fields: ['firstname', 'roles', 'isActive'],
        targetIds: [4],
      }),
    ).toBe(true);
  });
  it('lets only the holder set a password or an e-mail address, whoever asks', () => {
    expect(canChangeStaffAccount({ actor: staff, fields: ['password'], targetIds: [3] })).toBe(
      true,
    );
    expect(canChangeStaffAccount({ actor: staff, fields: ['password'], targetIds: [4] })).toBe(
      false,
    );
    expect(
      canChangeStaffAccount({ actor: staff, fields: ['email', 'firstname'], targetIds: [4] }),
    ).toBe(false);
    expect(canChangeStaffAccount({ actor: staff, fields: ['password'], targetIds: [3, 4] })).toBe(
      false,
    );
  });
  it('lets Strapi’s reset and registration links (not logged in) and system code through, and no token', () => {
    expect(
      canChangeStaffAccount({ actor: { kind: 'anonymous' }, fields: ['password'], targetIds: [4] }),
    ).toBe(true);
    expect(
      canChangeStaffAccount({ actor: { kind: 'system' }, fields: ['password'], targetIds: [4] }),
    ).toBe(true);
    expect(
      canChangeStaffAccount({ actor: { kind: 'token' }, fields: ['firstname'], targetIds: [4] }),
    ).toBe(false);
  });
});

describe('query paths', () => {
  it('finds every field a filter looks at, through operators and relations', () => {
    expect(
      filterPaths({
        $or: [
          { owner: { role: { users: { email: { $startsWith: 'a' } } } } },
          { id: { $in: [1, 2] } },
        ],
      }),
    ).toEqual(['owner', 'owner.role', 'owner.role.users', 'owner.role.users.email', 'id']);
  });
  it('names the fields of a select, sort or populate, and a populate with options of its own as all below it', () => {
    expect(namedPaths('owner.email:asc,id')).toEqual(['owner.email', 'id']);
    expect(namedPaths({ role: true, owner: { populate: ['role'] } })).toEqual(['role', 'owner.*']);
    expect(namedPaths(undefined)).toEqual([]);
    expect(namedPaths('*')).toBeUndefined();
  });
  it('tells which account from what is in it', () => {
    expect(reachesIntoAccount('owner.id', 'owner')).toBe(false);
    expect(reachesIntoAccount('owner', 'owner')).toBe(false);
    expect(reachesIntoAccount('owner.email', 'owner')).toBe(true);
    expect(reachesIntoAccount('educationEntry.owner.role.users', 'owner')).toBe(true);
  });
});
