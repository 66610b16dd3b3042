import { Box, Button, Flex, Loader, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { useState } from 'react';
import { useIntl } from 'react-intl';
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
  const { data, status, reload, setPage, filters, setFilter, clearFilters } = useScimActivity();
  const [opened, setOpened] = useState<ActivityEntryResponse | null>(null);

  const body = () => {
    if (status === 'error') {
      return (
        <Flex gap={3} padding={6} justifyContent="center" role="alert">
          <Typography textColor="danger600">{t('activity.loadError', 'The activity log could not be loaded.')}</Typography>
          <Button variant="secondary" onClick={() => void reload()}>
            {t('retry', 'Retry')}
          </Button>
        </Flex>
      );
    }
    if (!data) {
      return (
        <Flex justifyContent="center" padding={8}>
          <Loader>{t('activity.loading', 'Loading the activity log')}</Loader>
        </Flex>
      );
    }
    if (data.results.length === 0) {
      return <ActivityEmptyState filtered={Object.keys(filters).length > 0} onClearFilters={clearFilters} />;
    }
    return (
      <Flex direction="column" alignItems="stretch" gap={4}>
        <ActivityTable entries={data.results} onOpen={setOpened} />
        <ActivityPagination pagination={data.pagination} onPageChange={setPage} />
      </Flex>
    );
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <ActivityFiltersBar
        filters={filters}
        onChange={setFilter}
        action={
          <Button variant="secondary" startIcon={<ArrowClockwise />} loading={status === 'loading' && data !== null} onClick={() => void reload()}>
            {t('activity.refresh', 'Refresh')}
          </Button>
        }
      />
      <Box aria-busy={status === 'loading'}>{body()}</Box>
      <ActivityDetailsModal entry={opened} onClose={() => setOpened(null)} />
    </Flex>
  );
};
