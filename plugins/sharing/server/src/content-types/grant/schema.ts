import { UID } from '../../uids';
import { internalType } from '../internal';

export default {
  kind: 'collectionType',
  collectionName: 'sharing_grants',
  info: {
    singularName: 'grant',
    pluralName: 'grants',
    displayName: 'Grant',
    description:
      "A newcomer's permission for one staff member to see chosen sections until a date.",
  },
  ...internalType(),
  attributes: {
    owner: { type: 'relation', relation: 'manyToOne', target: UID.user, private: true },
    grantee: { type: 'relation', relation: 'manyToOne', target: 'admin::user' },
    sections: { type: 'json', required: true },
    access: { type: 'enumeration', enum: ['read', 'write'], default: 'read', required: true },
    purpose: { type: 'text', maxLength: 500, required: true },
    expiresAt: { type: 'datetime', required: true },
    revokedAt: { type: 'datetime' },
    // Set by the retention job once the expiry has passed, so the owner's log can say so.
    expiredAt: { type: 'datetime' },
  },
} as const;
