import { Button, Flex, Loader, Table, Tbody, Th, Thead, Tr, Typography, VisuallyHidden } from '@strapi/design-system';
import type { Key, ReactNode } from 'react';
import { useIntl } from 'react-intl';
import type { LoadStatus } from '../../types';
import { getTranslation } from '../../utils/getTranslation';

export interface DataTableColumn {
  /** A translation id of this plugin. */
  id: string;
  defaultMessage: string;
  /** Named for screen readers only, e.g. a column of action buttons. */
  hidden?: boolean;
}

interface DataTableProps<Row> {
  status: LoadStatus;
  /** Null until the first load: the loader shows then. Rows already shown stay while a reload runs. */
  rows: Row[] | null;
  columns: DataTableColumn[];
  rowKey: (row: Row) => Key;
  /** The row's cells (`Td`s). */
  renderCells: (row: Row, index: number) => ReactNode;
  onRowClick?: (row: Row) => void;
  loadingLabel: string;
  errorMessage: string;
  onRetry: () => void;
  empty: ReactNode;
  /** Shown under the table when it has rows, e.g. pagination. */
  footer?: ReactNode;
  /** Inside a section card: a small loader and retry button, without the page's padding. */
  compact?: boolean;
}

/** A table with its loading, error and empty states, the one shape every list of these pages takes. */
export const DataTable = <Row,>({
  status,
  rows,
  columns,
  rowKey,
  renderCells,
  onRowClick,
  loadingLabel,
  errorMessage,
  onRetry,
  empty,
  footer,
  compact = false,
}: DataTableProps<Row>) => {
  const { formatMessage } = useIntl();

  if (status === 'error') {
    return (
      <Flex
        gap={3}
        padding={compact ? undefined : 6}
        justifyContent={compact ? undefined : 'center'}
        alignItems="center"
        role="alert"
      >
        <Typography textColor="danger600">{errorMessage}</Typography>
        <Button variant="secondary" size={compact ? 'S' : undefined} onClick={onRetry}>
          {formatMessage({ id: getTranslation('retry'), defaultMessage: 'Retry' })}
        </Button>
      </Flex>
    );
  }
  if (rows === null) {
    return (
      <Flex justifyContent="center" padding={compact ? 4 : 8}>
        <Loader small={compact}>{loadingLabel}</Loader>
      </Flex>
    );
  }
  if (rows.length === 0) return <>{empty}</>;

  const table = (
    <Table colCount={columns.length} rowCount={rows.length + 1}>
      <Thead>
        <Tr>
          {columns.map(({ id, defaultMessage, hidden }) => {
            const label = formatMessage({ id: getTranslation(id), defaultMessage });
            return (
              <Th key={id}>
                {hidden ? (
                  <VisuallyHidden>{label}</VisuallyHidden>
                ) : (
                  <Typography variant="sigma" textColor="neutral600">
                    {label}
                  </Typography>
                )}
              </Th>
            );
          })}
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((row, index) => (
          <Tr
            key={rowKey(row)}
            onClick={onRowClick ? () => onRowClick(row) : undefined}
            style={onRowClick ? { cursor: 'pointer' } : undefined}
          >
            {renderCells(row, index)}
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
  if (!footer) return table;
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      {table}
      {footer}
    </Flex>
  );
};
