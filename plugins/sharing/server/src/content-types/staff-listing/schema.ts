import { UID } from '../../uids';
import { internalType } from '../internal';

export default {
  kind: 'collectionType',
  collectionName: 'sharing_staff_listings',
  info: {
    singularName: 'staff-listing',
    pluralName: 'staff-listings',
    displayName: 'Staff directory entry',
    description:
      'A staff member who chose to be found by newcomers: name, organisation, municipality, nothing else.',
  },
  ...internalType(),
  attributes: {
    staff: { type: 'relation', relation: 'oneToOne', target: 'admin::user' },
    displayName: { type: 'string', maxLength: 200, required: true },
    organisation: { type: 'relation', relation: 'manyToOne', target: UID.organisation },
    municipality: { type: 'string', maxLength: 200 },
    listed: { type: 'boolean', default: false, required: true },
  },
} as const;
