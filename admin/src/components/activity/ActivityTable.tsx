import { Flex, IconButton, Table, Tbody, Td, Th, Thead, Tr, Typography, VisuallyHidden } from '@strapi/design-system';
import { Eye } from '@strapi/icons';
import { useIntl } from 'react-intl';
import type { ActivityEntryResponse } from '../../types';
import { getTranslation } from '../../utils/getTranslation';
import { ModeBadge, OutcomeBadge } from './ActivityBadges';
import { ACTIVITY_DATE_FORMAT, resourceLabel, resourceTypeMessage } from './activityMessages';

interface ActivityTableProps {
  entries: ActivityEntryResponse[];
  onOpen: (entry: ActivityEntryResponse) => void;
}

const MONOSPACE = { fontFamily: 'monospace' } as const;

/** One row an entry; clicking a row (or its eye button, for the keyboard) opens the entry's details. */
export const ActivityTable = ({ entries, onOpen }: ActivityTableProps) => {
  const { formatMessage, formatDate } = useIntl();
  const header = (id: string, defaultMessage: string) => (
    <Th>
      <Typography variant="sigma" textColor="neutral600">
        {formatMessage({ id: getTranslation(id), defaultMessage })}
      </Typography>
    </Th>
  );

  return (
    <Table colCount={6} rowCount={entries.length + 1}>
      <Thead>
        <Tr>
          {header('activity.column.time', 'Time')}
          {header('activity.column.operation', 'Operation')}
          {header('activity.column.resource', 'Resource')}
          {header('activity.column.outcome', 'Outcome')}
          {header('activity.column.mode', 'Mode')}
          <Th>
            <VisuallyHidden>{formatMessage({ id: getTranslation('activity.column.details'), defaultMessage: 'Details' })}</VisuallyHidden>
          </Th>
        </Tr>
      </Thead>
      <Tbody>
        {entries.map((entry) => {
          const name = resourceLabel(entry);
          const type = formatMessage(resourceTypeMessage(entry.resourceType));
          return (
            <Tr key={entry.id} onClick={() => onOpen(entry)} style={{ cursor: 'pointer' }}>
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
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
};
