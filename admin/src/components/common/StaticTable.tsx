import { Box, Typography } from '@strapi/design-system';
import type { Key, ReactNode } from 'react';
import { DataTable, type DataTableColumn } from './DataTable';

interface StaticTableProps<Row> {
  rows: Row[];
  columns: DataTableColumn[];
  rowKey: (row: Row) => Key;
  renderCells: (row: Row, index: number) => ReactNode;
  emptyMessage: string;
}

/** A compact table of rows the settings already hold: nothing to load, so no loader or retry. */
export const StaticTable = <Row,>({ rows, columns, rowKey, renderCells, emptyMessage }: StaticTableProps<Row>) => (
  <DataTable
    compact
    status="ready"
    rows={rows}
    columns={columns}
    rowKey={rowKey}
    loadingLabel=""
    errorMessage=""
    onRetry={() => undefined}
    empty={
      <Box background="neutral100" padding={4} hasRadius>
        <Typography textColor="neutral600">{emptyMessage}</Typography>
      </Box>
    }
    renderCells={renderCells}
  />
);
