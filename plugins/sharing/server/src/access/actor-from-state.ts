import type { Actor } from './types';

interface RequestState {
  auth?: { strategy?: { name?: string } };
  user?: { id?: number };
}

/**
 * The actor of a request, from Koa's `ctx.state`. No request at all means system code. A request
 * authenticated by a token, or by a strategy we do not know, is a token: it reaches no person's
 * data or account. Only a request that authenticated nothing (yet) is anonymous.
 */
export function actorFromState(state: RequestState | undefined, inRequest: boolean): Actor {
  if (!inRequest) return { kind: 'system' };
  const strategy = state?.auth?.strategy?.name;
  const id = state?.user?.id;
  if (strategy === 'users-permissions' && typeof id === 'number') return { kind: 'newcomer', id };
  if (strategy === 'admin' && typeof id === 'number') return { kind: 'staff', id };
  // Not logged in (yet): users-permissions answers public routes with no user.
  if (strategy === undefined || strategy === 'users-permissions' || strategy === 'admin')
    return { kind: 'anonymous' };
  // content-api-token, admin-token, and any strategy added later.
  return { kind: 'token' };
}
