import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Plus, Trash } from '@strapi/icons';
import type { ReactNode } from 'react';
import { useText } from '../../utils/text';

/** The white box each part of the plan stands in. */
export function Card({ children }: { children: ReactNode }) {
  return (
    <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
      <Flex direction="column" alignItems="stretch" gap={4}>
        {children}
      </Flex>
    </Box>
  );
}

/** A framed group with a legend: one goal, measure or review. */
export function Fieldset({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <Box
      tag="fieldset"
      borderColor="neutral200"
      hasRadius
      padding={4}
      style={{ borderStyle: 'solid', borderWidth: 1, margin: 0, minInlineSize: 0 }}
    >
      <Typography tag="legend" variant="delta" style={{ paddingInline: '0.25rem' }}>
        {legend}
      </Typography>
      <Flex direction="column" alignItems="stretch" gap={3}>
        {children}
      </Flex>
    </Box>
  );
}

export function AddButton({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  return (
    <Flex>
      <Button variant="tertiary" startIcon={<Plus />} onClick={onClick}>
        {children}
      </Button>
    </Flex>
  );
}

/** "Entfernen", named for screen readers by `label` (which goal of which field). */
export function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  const t = useText();
  return (
    <Flex>
      <Button variant="danger-light" startIcon={<Trash />} onClick={onClick} aria-label={label}>
        {t('plan.remove')}
      </Button>
    </Flex>
  );
}
