export * from './types';
export { actorFromState } from './actor-from-state';
export { isGrantActive } from './is-grant-active';
export { readScope } from './read-scope';
export { canWrite } from './can-write';
