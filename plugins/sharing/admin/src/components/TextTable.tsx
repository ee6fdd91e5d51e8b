import { Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import type { ReactNode } from 'react';

/** One row of a TextTable: a React key and one text per column. */
export interface TextRow {
  key: string | number;
  cells: ReactNode[];
}

/** A table of plain texts: the headings in small capitals, each cell as body text. */
export function TextTable({ headings, rows }: { headings: string[]; rows: TextRow[] }) {
  return (
    <Table colCount={headings.length} rowCount={rows.length + 1}>
      <Thead>
        <Tr>
          {headings.map((heading) => (
            <Th key={heading}>
              <Typography variant="sigma">{heading}</Typography>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((row) => (
          <Tr key={row.key}>
            {row.cells.map((cell, index) => (
              <Td key={index}>
                <Typography textColor="neutral800">{cell}</Typography>
              </Td>
            ))}
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}
