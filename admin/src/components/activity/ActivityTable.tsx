import { Flex, IconButton, Td, Typography } from '@strapi/design-system';
import { Eye } from '@strapi/icons';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import type { ActivityEntryResponse, LoadStatus } from '../../types';
import { getTranslation } from '../../utils/getTranslation';
import { DataTable, type DataTableColumn } from '../common/DataTable';
import { ModeBadge, OutcomeBadge } from './ActivityBadges';
import { ACTIVITY_DATE_FORMAT, resourceLabel, resourceTypeMessage } from './activityMessages';

interface ActivityTableProps {
  status: LoadStatus;
  /** Null until the first page is loaded. */
  entries: ActivityEntryResponse[] | null;
  onRetry: () => void;
  onOpen: (entry: ActivityEntryResponse) => void;
  empty: ReactNode;
  footer?: ReactNode;
}

const MONOSPACE = { fontFamily: 'monospace' } as const;

const COLUMNS: DataTableColumn[] = [
  { id: 'activity.column.time', defaultMessage: 'Time' },
  { id: 'activity.column.operation', defaultMessage: 'Operation' },
  { id: 'activity.column.resource', defaultMessage: 'Resource' },
  { id: 'activity.column.outcome', defaultMessage: 'Outcome' },
  { id: 'activity.column.mode', defaultMessage: 'Mode' },
  { id: 'activity.column.details', defaultMessage: 'Details', hidden: true },
];

/** One row an entry; clicking a row (or its eye button, for the keyboard) opens the entry's details. */
export const ActivityTable = ({ status, entries, onRetry, onOpen, empty, footer }: ActivityTableProps) => {
  const { formatMessage, formatDate } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });

  return (
    <DataTable
      status={status}
      rows={entries}
      columns={COLUMNS}
      rowKey={(entry) => entry.id}
      onRowClick={onOpen}
      loadingLabel={t('activity.loading', 'Loading the activity log')}
      errorMessage={t('activity.loadError', 'The activity log could not be loaded.')}
      onRetry={onRetry}
      empty={empty}
      footer={footer}
      renderCells={(entry) => {
        const name = resourceLabel(entry);
        const type = formatMessage(resourceTypeMessage(entry.resourceType));
        return (
          <>
            <Td>
              <Typography textColor="neutral800" style={{ whiteSpace: 'nowrap' }}>
                {formatDate(entry.createdAt, ACTIVITY_DATE_FORMAT)}
              </Typography>
            </Td>
            <Td>
              <Flex gap={2}>
                <Typography textColor="neutral600" fontWeight="semiBold" style={MONOSPACE}>
                  {entry.method}
                </Typography>
                <Typography textColor="neutral800">{entry.operation}</Typography>
              </Flex>
            </Td>
            <Td>
              <Flex direction="column" alignItems="flex-start">
                <Typography variant="pi" textColor="neutral600">
                  {type}
                </Typography>
                {name ? (
                  <Typography textColor="neutral800" ellipsis style={{ maxWidth: '22rem' }} title={name}>
                    {name}
                  </Typography>
                ) : null}
              </Flex>
            </Td>
            <Td>
              <OutcomeBadge entry={entry} />
            </Td>
            <Td>
              <ModeBadge entry={entry} />
            </Td>
            <Td onClick={(event) => event.stopPropagation()}>
              <IconButton
                variant="ghost"
                onClick={() => onOpen(entry)}
                label={formatMessage(
                  { id: getTranslation('activity.openDetails'), defaultMessage: 'Show the details of {name}' },
                  { name: name ? `${type} ${name}` : type },
                )}
              >
                <Eye />
              </IconButton>
            </Td>
          </>
        );
      }}
    />
  );
};
