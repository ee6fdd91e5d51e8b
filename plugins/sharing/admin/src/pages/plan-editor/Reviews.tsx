import { Box, Field, Flex, TextInput, Typography } from '@strapi/design-system';
import type { PlanContent } from '../../utils/api';
import { useText } from '../../utils/text';
import { removeAt, type ErrorOf, type Update } from './content';
import { AddButton, Card, Fieldset, RemoveButton } from './ui';

type Review = PlanContent['reviews'][number];

/** The review dates, each with a note; added and removed here. */
export function Reviews({
  reviews,
  readOnly,
  errorOf,
  update,
}: {
  reviews: Review[];
  readOnly: boolean;
  errorOf: ErrorOf;
  update: Update;
}) {
  const t = useText();
  const change = (index: number, next: Partial<Review>) =>
    update((c) => ({
      ...c,
      reviews: c.reviews.map((r, i) => (i === index ? { ...r, ...next } : r)),
    }));
  return (
    <Card>
      <Typography tag="h2" variant="beta">
        {t('plan.reviews')}
      </Typography>
      {reviews.map((review, index) => (
        <Fieldset key={index} legend={t('plan.review', { number: index + 1 })}>
          <Flex gap={4} alignItems="flex-start" wrap="wrap">
            <Field.Root
              name={`reviews.${index}.date`}
              id={`review-${index}-date`}
              error={errorOf(`reviews.${index}.date`)}
              required
            >
              <Field.Label>{t('plan.reviewDate')}</Field.Label>
              <TextInput
                type="date"
                value={review.date}
                disabled={readOnly}
                onChange={(e) => change(index, { date: e.target.value })}
              />
              <Field.Error />
            </Field.Root>
            <Box grow={1}>
              <Field.Root
                name={`reviews.${index}.note`}
                id={`review-${index}-note`}
                error={errorOf(`reviews.${index}.note`)}
              >
                <Field.Label>{t('plan.reviewNote')}</Field.Label>
                <TextInput
                  value={review.note}
                  disabled={readOnly}
                  onChange={(e) => change(index, { note: e.target.value })}
                />
                <Field.Error />
              </Field.Root>
            </Box>
          </Flex>
          {readOnly ? null : (
            <RemoveButton
              label={t('plan.removeNamed', { item: t('plan.review', { number: index + 1 }) })}
              onClick={() => update((c) => ({ ...c, reviews: removeAt(c.reviews, index) }))}
            />
          )}
        </Fieldset>
      ))}
      {readOnly ? null : (
        <AddButton
          onClick={() => update((c) => ({ ...c, reviews: [...c.reviews, { date: '', note: '' }] }))}
        >
          {t('plan.addReview')}
        </AddButton>
      )}
    </Card>
  );
}
