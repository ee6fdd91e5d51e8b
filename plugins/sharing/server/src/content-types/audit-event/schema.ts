import { UID } from '../../uids';
import { internalType } from '../internal';

export default {
  kind: 'collectionType',
  collectionName: 'sharing_audit_events',
  info: {
    singularName: 'audit-event',
    pluralName: 'audit-events',
    displayName: 'Audit event',
    description:
      "Append-only trace of a staff access to a newcomer's data or of a grant change; the owner reads it.",
  },
  ...internalType(),
  attributes: {
    owner: { type: 'relation', relation: 'manyToOne', target: UID.user, private: true },
    // The actor is kept as id and name, not as a relation: the trace outlives a deleted staff account.
    actorId: { type: 'integer' },
    actorName: { type: 'string', maxLength: 200 },
    actorKind: { type: 'enumeration', enum: ['staff', 'newcomer', 'system'], required: true },
    action: { type: 'string', maxLength: 50, required: true },
    section: { type: 'string', maxLength: 20 },
    resourceType: { type: 'string', maxLength: 100 },
    resourceId: { type: 'string', maxLength: 50 },
    // Why an administrator acted on the account (lookup, lock, unlock, announced erasure): a code
    // of ACCOUNT_REASONS, which the owner reads in their language, and the administrator's words.
    reason: { type: 'string', maxLength: 30 },
    note: { type: 'string', maxLength: 500 },
    at: { type: 'datetime', required: true },
  },
} as const;
