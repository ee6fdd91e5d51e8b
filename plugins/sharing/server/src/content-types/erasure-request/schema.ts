import { UID } from '../../uids';
import { internalType } from '../internal';

export default {
  kind: 'collectionType',
  collectionName: 'sharing_erasure_requests',
  info: {
    singularName: 'erasure-request',
    pluralName: 'erasure-requests',
    displayName: 'Erasure request',
    description:
      "Erasure of a newcomer's account on request: the deletion code only its holder sees, and an erasure the district office announced.",
  },
  ...internalType(),
  attributes: {
    owner: { type: 'relation', relation: 'oneToOne', target: UID.user, private: true },
    // The holder's deletion code, as its hash (like recovery codes), and until when it works.
    codeHash: { type: 'string', maxLength: 64, private: true },
    codeExpiresAt: { type: 'datetime' },
    // An announced erasure: when it happens unless the holder stops it, who asked and why.
    dueAt: { type: 'datetime' },
    requestedAt: { type: 'datetime' },
    actorId: { type: 'integer' },
    reason: { type: 'string', maxLength: 30 },
    note: { type: 'string', maxLength: 500 },
  },
} as const;
