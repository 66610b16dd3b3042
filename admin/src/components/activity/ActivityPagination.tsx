import { Button, Field, Flex, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { ChevronLeft, ChevronRight } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { ACTIVITY_PAGE_SIZES } from '../../hooks/activityQuery';
import type { ActivityListResponse } from '../../types';
import { getTranslation } from '../../utils/getTranslation';

interface ActivityPaginationProps {
  pagination: ActivityListResponse['pagination'];
  onPageChange: (page: number) => void;
  pageSize: number;
  onPageSizeChange: (size: number) => void;
}

/** "Page X of Y (N entries)", the page size, and Previous and Next. */
export const ActivityPagination = ({
  pagination,
  onPageChange,
  pageSize,
  onPageSizeChange,
}: ActivityPaginationProps) => {
  const { formatMessage } = useIntl();
  const { page, pageCount, total } = pagination;
  const lastPage = Math.max(1, pageCount);

  return (
    <Flex
      justifyContent="space-between"
      alignItems="center"
      gap={4}
      tag="nav"
      aria-label={formatMessage({ id: getTranslation('activity.pagination'), defaultMessage: 'Pagination' })}
    >
      <Typography variant="pi" textColor="neutral600">
        {formatMessage(
          {
            id: getTranslation('activity.pagination.summary'),
            defaultMessage: 'Page {page} of {pageCount} ({total, plural, one {# entry} other {# entries}})',
          },
          { page, pageCount: lastPage, total },
        )}
      </Typography>
      <Flex gap={2} alignItems="center">
        <Field.Root name="pageSize">
          <Flex gap={2} alignItems="center">
            <Field.Label>
              {formatMessage({
                id: getTranslation('activity.pagination.pageSize'),
                defaultMessage: 'Entries per page',
              })}
            </Field.Label>
            <SingleSelect size="S" value={String(pageSize)} onChange={(next) => onPageSizeChange(Number(next))}>
              {ACTIVITY_PAGE_SIZES.map((size) => (
                <SingleSelectOption key={size} value={String(size)}>
                  {size}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Flex>
        </Field.Root>
        <Button
          variant="tertiary"
          startIcon={<ChevronLeft />}
          disabled={page <= 1}
          onClick={() => onPageChange(page - 1)}
        >
          {formatMessage({ id: getTranslation('activity.pagination.previous'), defaultMessage: 'Previous' })}
        </Button>
        <Button
          variant="tertiary"
          endIcon={<ChevronRight />}
          disabled={page >= lastPage}
          onClick={() => onPageChange(page + 1)}
        >
          {formatMessage({ id: getTranslation('activity.pagination.next'), defaultMessage: 'Next' })}
        </Button>
      </Flex>
    </Flex>
  );
};
