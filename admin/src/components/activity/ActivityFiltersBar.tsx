import { Box, Field, Flex, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import type { ReactNode } from 'react';
import { useIntl, type MessageDescriptor } from 'react-intl';
import type { ActivityFilters } from '../../types';
import { getTranslation } from '../../utils/getTranslation';
import { RESOURCE_TYPE_MESSAGES, RESOURCE_TYPES } from './activityMessages';

/** Radix selects cannot hold an empty value, so "any" has a value of its own. */
const ANY = 'any';

interface ActivityFiltersBarProps {
  filters: ActivityFilters;
  onChange: <K extends keyof ActivityFilters>(key: K, value: ActivityFilters[K] | undefined) => void;
  /** Rendered at the end of the bar, e.g. the refresh button. */
  action?: ReactNode;
}

interface FilterSelectProps<K extends keyof ActivityFilters> {
  name: K;
  label: string;
  value: ActivityFilters[K];
  anyLabel: string;
  options: { value: NonNullable<ActivityFilters[K]>; label: string }[];
  onChange: ActivityFiltersBarProps['onChange'];
}

const option = <V extends string>(value: V, label: string) => ({ value, label });

/** One select of the bar, for whichever filter it sets. */
type FilterDefinition = {
  [K in keyof ActivityFilters]-?: Omit<FilterSelectProps<K>, 'value' | 'onChange'>;
}[keyof ActivityFilters];

const FilterSelect = <K extends keyof ActivityFilters>({
  name,
  label,
  value,
  anyLabel,
  options,
  onChange,
}: FilterSelectProps<K>) => (
  <Box width="22rem">
    <Field.Root name={name}>
      <Field.Label>{label}</Field.Label>
      <SingleSelect
        value={value ?? ANY}
        onChange={(next) => onChange(name, next === ANY ? undefined : (String(next) as ActivityFilters[K]))}
      >
        <SingleSelectOption value={ANY}>{anyLabel}</SingleSelectOption>
        {options.map((option) => (
          <SingleSelectOption key={option.value} value={option.value}>
            {option.label}
          </SingleSelectOption>
        ))}
      </SingleSelect>
    </Field.Root>
  </Box>
);

/** Outcome, resource type and mode filters. */
export const ActivityFiltersBar = ({ filters, onChange, action }: ActivityFiltersBarProps) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const message = (descriptor: MessageDescriptor) => formatMessage(descriptor);

  const selects: FilterDefinition[] = [
    {
      name: 'outcome',
      label: t('activity.filter.outcome', 'Outcome'),
      anyLabel: t('activity.filter.anyOutcome', 'All outcomes'),
      options: [
        option('success', t('activity.outcome.success', 'Success')),
        option('failure', t('activity.outcome.failure', 'Failure')),
      ],
    },
    {
      name: 'resourceType',
      label: t('activity.filter.resourceType', 'Resource type'),
      anyLabel: t('activity.filter.anyResourceType', 'All resource types'),
      options: RESOURCE_TYPES.map((type) => option(type, message(RESOURCE_TYPE_MESSAGES[type]))),
    },
    {
      name: 'mode',
      label: t('activity.filter.mode', 'Mode'),
      anyLabel: t('activity.filter.anyMode', 'Test and production'),
      options: [
        option('test', t('activity.mode.test', 'Test')),
        option('production', t('activity.mode.production', 'Production')),
      ],
    },
  ];

  return (
    <Flex gap={4} alignItems="flex-end" wrap="wrap">
      {selects.map((select) => (
        <FilterSelect key={select.name} {...select} value={filters[select.name]} onChange={onChange} />
      ))}
      {action ? <Box marginLeft="auto">{action}</Box> : null}
    </Flex>
  );
};
