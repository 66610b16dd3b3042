import { Box, DatePicker, Field } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { dayOf } from '../../hooks/activityQuery';
import type { ActivityFilters } from '../../types';
import { getTranslation } from '../../utils/getTranslation';

interface ActivityDateRangeProps {
  from?: string;
  to?: string;
  onChange: (key: 'from' | 'to', day: string | undefined) => void;
}

const asDate = (day?: string) => {
  if (!day) return undefined;
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date);
};

/** First and last day of the entries shown, both included, in the admin's time zone. */
export const ActivityDateRange = ({ from, to, onChange }: ActivityDateRangeProps) => {
  const { formatMessage } = useIntl();
  const clearLabel = formatMessage({ id: getTranslation('activity.dates.clear'), defaultMessage: 'Clear' });
  const field = (
    key: keyof Pick<ActivityFilters, 'from' | 'to'>,
    label: string,
    bounds: { min?: Date; max?: Date },
  ) => (
    <Box width="14rem">
      <Field.Root name={key}>
        <Field.Label>{label}</Field.Label>
        <DatePicker
          value={asDate(key === 'from' ? from : to)}
          onChange={(date) => onChange(key, date ? dayOf(date) : undefined)}
          onClear={() => onChange(key, undefined)}
          clearLabel={clearLabel}
          minDate={bounds.min}
          maxDate={bounds.max}
        />
      </Field.Root>
    </Box>
  );

  return (
    <>
      {field('from', formatMessage({ id: getTranslation('activity.dates.from'), defaultMessage: 'From' }), {
        max: asDate(to),
      })}
      {field('to', formatMessage({ id: getTranslation('activity.dates.to'), defaultMessage: 'To' }), {
        min: asDate(from),
      })}
    </>
  );
};
