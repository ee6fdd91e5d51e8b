import { educationEntrySchema } from '@mobio/config';
import { ownedRecordController } from '../../../owned-records';

export default ownedRecordController('api::education-entry.education-entry', educationEntrySchema);
