import { Box, Flex, Link, Typography } from '@strapi/design-system';
import { Layouts, Page, useAuth } from '@strapi/strapi/admin';
import type { ReactNode } from 'react';
import { Link as RouterLink, useLocation } from 'react-router-dom';
import { useText, type TextKey } from '../utils/text';

/** Where the plugin's pages live in the admin panel (the router's basename adds /admin). */
export const BASE = '/plugins/sharing';

/** The plugin's pages besides the list; a page that needs a permission is shown only to those who have it. */
const PAGES: Array<{ to: string; label: TextKey; permission?: string }> = [
  { to: `${BASE}/work-list`, label: 'nav.work' },
  { to: `${BASE}/invitation`, label: 'nav.invitation' },
  {
    to: `${BASE}/statistics`,
    label: 'nav.statistics',
    permission: 'plugin::sharing.statistics.read',
  },
  {
    to: `${BASE}/accounts`,
    label: 'nav.accounts',
    permission: 'plugin::sharing.accounts.administer',
  },
];
const LIST: { to: string; label: TextKey } = { to: BASE, label: 'nav.list' };

/**
 * The small sub-navigation between the plugin's pages. A newcomer's record belongs to the list,
 * so the list stays marked there too (bold, and aria-current for screen readers).
 */
function SharingNav() {
  const { pathname } = useLocation();
  const t = useText();
  const permissions = useAuth('SharingNav', (state) => state.permissions);
  const pages = PAGES.filter(
    (page) => !page.permission || permissions.some((held) => held.action === page.permission),
  );
  const current = pages.find((page) => pathname.endsWith(page.to)) ?? LIST;
  return (
    <Box tag="nav" aria-label={t('nav.label')} paddingBottom={6}>
      <Flex tag="ul" gap={6} wrap="wrap">
        {[LIST, ...pages].map((page) => (
          <li key={page.to}>
            <Link
              tag={RouterLink}
              to={page.to}
              aria-current={page === current ? 'page' : undefined}
            >
              <Typography textColor="inherit" fontWeight={page === current ? 'bold' : 'regular'}>
                {t(page.label)}
              </Typography>
            </Link>
          </li>
        ))}
      </Flex>
    </Box>
  );
}

interface FrameProps {
  title: string;
  subtitle?: ReactNode;
  navigationAction?: ReactNode;
  primaryAction?: ReactNode;
  children: ReactNode;
}

/** One page of the plugin: document title, header, sub-navigation, content. */
export function Frame({ title, subtitle, navigationAction, primaryAction, children }: FrameProps) {
  return (
    <Page.Main>
      <Page.Title>{`${title} | MoBio`}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={subtitle}
        navigationAction={navigationAction}
        primaryAction={primaryAction}
      />
      <Layouts.Content>
        <SharingNav />
        {children}
      </Layouts.Content>
    </Page.Main>
  );
}
