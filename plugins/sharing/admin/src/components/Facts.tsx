import { Typography } from '@strapi/design-system';
import type { ReactNode } from 'react';

/** Label–value pairs in two columns (a record's fields, what a person granted). */
export function Facts({ children }: { children: ReactNode }) {
  return (
    <dl
      style={{
        display: 'grid',
        gridTemplateColumns: 'minmax(10rem, max-content) minmax(0, 40rem)',
        columnGap: '1.5rem',
        rowGap: '0.5rem',
        margin: 0,
      }}
    >
      {children}
    </dl>
  );
}

/**
 * One pair of Facts: the label in German; the value keeps the language and direction it was typed
 * in (Arabic, Farsi …; `auto` where only the text knows) and its line breaks.
 */
export function Fact({
  label,
  value,
  lang,
  dir,
}: {
  label: string;
  value: string;
  lang?: string;
  dir?: 'ltr' | 'rtl' | 'auto';
}) {
  return (
    <>
      <dt>
        <Typography fontWeight="semiBold" textColor="neutral800">
          {label}
        </Typography>
      </dt>
      <dd lang={lang} dir={dir} style={{ margin: 0, whiteSpace: 'pre-wrap', justifySelf: 'start' }}>
        <Typography textColor="neutral800">{value}</Typography>
      </dd>
    </>
  );
}
