import { UID } from '../../uids';
import { internalType } from '../internal';

export default {
  kind: 'collectionType',
  collectionName: 'sharing_account_activity',
  info: {
    singularName: 'account-activity',
    pluralName: 'account-activities',
    displayName: 'Account activity',
    description:
      'When a newcomer last used MoBio, and when they were told of the coming erasure (retention).',
  },
  ...internalType(),
  attributes: {
    owner: { type: 'relation', relation: 'oneToOne', target: UID.user, private: true },
    lastActiveAt: { type: 'datetime', required: true },
    noticeSentAt: { type: 'datetime' },
  },
} as const;
