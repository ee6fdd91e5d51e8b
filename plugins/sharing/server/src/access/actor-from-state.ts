import type { Actor } from './types';

interface RequestState {
  auth?: { strategy?: { name?: string } };
  user?: { id?: number };
}

/**
 * The actor of a request, from Koa's `ctx.state`. No request at all means system code; a request
 * with an authentication strategy we do not know is treated as anonymous, never as system.
 */
export function actorFromState(state: RequestState | undefined, inRequest: boolean): Actor {
  if (!inRequest) return { kind: 'system' };
  const strategy = state?.auth?.strategy?.name;
  const id = state?.user?.id;
  if (strategy === 'users-permissions' && typeof id === 'number') return { kind: 'newcomer', id };
  if (strategy === 'admin' && typeof id === 'number') return { kind: 'staff', id };
  if (strategy === 'api-token') return { kind: 'token' };
  return { kind: 'anonymous' };
}
