import { documentMetadataSchema } from '@mobio/config';
import { ownedRecordController } from '../../../owned-records';

export default ownedRecordController('api::document.document', documentMetadataSchema);
