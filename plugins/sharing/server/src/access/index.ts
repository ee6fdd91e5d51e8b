export * from './types';
export { actorFromState } from './actor-from-state';
export { isGrantActive } from './is-grant-active';
export { readScope } from './read-scope';
export { canWrite } from './can-write';
export {
  accountAccess,
  PUBLIC_ACCOUNT_FIELDS,
  SELF_SERVICE_HANDLERS,
  type AccountOperation,
} from './account-access';
export { canChangeStaffAccount, HOLDER_ONLY_STAFF_FIELDS } from './staff-account-change';
export { filterPaths, isPlain, namedPaths, reachesIntoAccount } from './query-paths';
export { relationRefs } from './relation-refs';
export { changesRelation } from './changes-relation';
export { pinnedOwner } from './pinned-owner';
