import { Box, Flex, Link, LinkButton, Typography } from '@strapi/design-system';
import { Pencil } from '@strapi/icons';
import { Link as RouterLink } from 'react-router-dom';
import { Fact, Facts } from '../components/Facts';
import { BASE } from '../components/Frame';
import type { RecordResponse } from '../utils/api';
import { useFormat } from '../utils/format';
import { useText } from '../utils/text';

type Record = RecordResponse['data'];

/**
 * The head of a record: what the person granted me (per grant its sections, since and until when,
 * why, and whether I may write the plan), with the ways to the plan and the documents at once,
 * before the sections below.
 */
export function RecordGrants({ ownerId, record }: { ownerId: string; record: Record }) {
  const t = useText();
  const format = useFormat();
  const has = (code: string) => record.sections.some((section) => section.code === code);
  const plans = record.sections.find((section) => section.code === 'plans');
  return (
    <Box
      tag="section"
      aria-labelledby="record-grants"
      background="neutral0"
      padding={6}
      shadow="tableShadow"
      hasRadius
    >
      <Flex justifyContent="space-between" alignItems="center" gap={4} wrap="wrap">
        <Typography tag="h2" variant="beta" id="record-grants">
          {t('record.granted.heading')}
        </Typography>
        <Flex gap={4} wrap="wrap">
          {plans ? (
            <LinkButton
              tag={RouterLink}
              to={`${BASE}/records/${encodeURIComponent(ownerId)}/plan`}
              startIcon={<Pencil />}
            >
              {t(plans.writable ? 'record.editPlan' : 'record.openPlan')}
            </LinkButton>
          ) : null}
          {has('documents') ? (
            <Link href="#section-documents">{t('record.toDocuments')}</Link>
          ) : null}
        </Flex>
      </Flex>
      {record.grants.map((grant) => (
        <Box key={`${grant.since}-${grant.purpose}`} paddingTop={4}>
          <Facts>
            {[
              [t('record.granted.sections'), grant.sections.join(', ')],
              [
                t('record.granted.period'),
                t('record.granted.dates', {
                  since: format.date(grant.since),
                  until: format.date(grant.until),
                }),
              ],
              [t('record.granted.purpose'), grant.purpose],
              [
                t('record.granted.access'),
                t(grant.access === 'write' ? 'record.granted.write' : 'record.granted.read'),
              ],
            ].map(([label, value]) => (
              // The purpose is the person's own words, in their language and direction.
              <Fact key={label} label={label} value={value} dir="auto" />
            ))}
          </Facts>
        </Box>
      ))}
    </Box>
  );
}
