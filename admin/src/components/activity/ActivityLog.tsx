import { Box, Button, Flex } from '@strapi/design-system';
import { ArrowClockwise, Download } from '@strapi/icons';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useActivityExport } from '../../hooks/useActivityExport';
import { useScimActivity } from '../../hooks/useScimActivity';
import type { ActivityEntryResponse } from '../../types';
import { getTranslation } from '../../utils/getTranslation';
import { ActivityDetailsModal } from './ActivityDetailsModal';
import { ActivityEmptyState } from './ActivityEmptyState';
import { ActivityFiltersBar } from './ActivityFiltersBar';
import { ActivityPagination } from './ActivityPagination';
import { ActivityTable } from './ActivityTable';

/** The Activity page's content: filters, the table (or its loading, error and empty states), pagination, details. */
export const ActivityLog = () => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const { data, status, reload, setPage, pageSize, setPageSize, filters, setFilter, clearFilters } = useScimActivity();
  const { exportCsv, isExporting } = useActivityExport();
  const [opened, setOpened] = useState<ActivityEntryResponse | null>(null);

  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <ActivityFiltersBar
        filters={filters}
        onChange={setFilter}
        action={
          <Flex gap={2}>
            <Button
              variant="secondary"
              startIcon={<Download />}
              loading={isExporting}
              onClick={() => void exportCsv(filters)}
            >
              {t('activity.export', 'Export CSV')}
            </Button>
            <Button
              variant="secondary"
              startIcon={<ArrowClockwise />}
              loading={status === 'loading' && data !== null}
              onClick={() => void reload()}
            >
              {t('activity.refresh', 'Refresh')}
            </Button>
          </Flex>
        }
      />
      <Box aria-busy={status === 'loading'}>
        <ActivityTable
          status={status}
          entries={data?.results ?? null}
          onRetry={() => void reload()}
          onOpen={setOpened}
          empty={<ActivityEmptyState filtered={Object.keys(filters).length > 0} onClearFilters={clearFilters} />}
          footer={
            data ? (
              <ActivityPagination
                pagination={data.pagination}
                onPageChange={setPage}
                pageSize={pageSize}
                onPageSizeChange={setPageSize}
              />
            ) : undefined
          }
        />
      </Box>
      <ActivityDetailsModal entry={opened} onClose={() => setOpened(null)} />
    </Flex>
  );
};
