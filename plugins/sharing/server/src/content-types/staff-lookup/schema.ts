import { internalType } from '../internal';

export default {
  kind: 'collectionType',
  collectionName: 'sharing_staff_lookups',
  info: {
    singularName: 'staff-lookup',
    pluralName: 'staff-lookups',
    displayName: 'Staff account lookup',
    description:
      'When a staff account looked an account up, to limit lookups per hour in every CMS process alike; nothing of the account found.',
  },
  ...internalType(),
  attributes: {
    actorId: { type: 'integer', required: true },
    at: { type: 'datetime', required: true },
  },
} as const;
