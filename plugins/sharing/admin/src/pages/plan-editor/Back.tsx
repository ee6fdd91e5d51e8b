import { Link } from '@strapi/design-system';
import { ArrowLeft } from '@strapi/icons';
import { Link as RouterLink } from 'react-router-dom';
import { BASE } from '../../components/Frame';
import { useText } from '../../utils/text';

/** Back to the newcomer's record. */
export function Back({ ownerId }: { ownerId: string }) {
  const t = useText();
  return (
    <Link
      tag={RouterLink}
      to={`${BASE}/records/${encodeURIComponent(ownerId)}`}
      startIcon={<ArrowLeft />}
    >
      {t('plan.back')}
    </Link>
  );
}
