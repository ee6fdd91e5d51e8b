import { employmentEntrySchema } from '@mobio/config';
import { ownedRecordController } from '../../../owned-records';

export default ownedRecordController(
  'api::employment-entry.employment-entry',
  employmentEntrySchema,
);
