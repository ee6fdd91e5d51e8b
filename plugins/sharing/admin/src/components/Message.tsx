import { Box, Typography } from '@strapi/design-system';
import type { ReactNode } from 'react';

/** A plain message in place of content (nothing shared, no permission, failed to load). */
export function Message({ children, role }: { children: ReactNode; role?: 'alert' | 'status' }) {
  return (
    <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius role={role}>
      <Typography variant="omega">{children}</Typography>
    </Box>
  );
}
