import { languageSkillSchema } from '@mobio/config';
import { ownedRecordController } from '../../../owned-records';

export default ownedRecordController('api::language-skill.language-skill', languageSkillSchema);
