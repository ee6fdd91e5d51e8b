import { internalType } from '../internal';

export default {
  kind: 'collectionType',
  collectionName: 'sharing_invitations',
  info: {
    singularName: 'invitation',
    pluralName: 'invitations',
    displayName: 'Invitation code',
    description:
      'A short one-time code a staff member hands to a newcomer, who enters it to start a grant.',
  },
  ...internalType(),
  attributes: {
    // Only a hash is kept: a database dump does not hand out valid codes.
    codeHash: { type: 'string', maxLength: 64, required: true, unique: true, private: true },
    staff: { type: 'relation', relation: 'manyToOne', target: 'admin::user' },
    expiresAt: { type: 'datetime', required: true },
    usedAt: { type: 'datetime' },
  },
} as const;
