import { Box, Field, Flex, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import type { ReactNode } from 'react';
import { useIntl, type MessageDescriptor } from 'react-intl';
import type { ActivityFilters, ActivitySelectFilters } from '../../types';
import { ActivityDateRange } from './ActivityDateRange';
import { ActivitySearchField } from './ActivitySearchField';
import { SELECT_FILTERS } from './activityMessages';

/** Radix selects cannot hold an empty value, so "any" has a value of its own. */
const ANY = 'any';

interface ActivityFiltersBarProps {
  filters: ActivityFilters;
  onChange: <K extends keyof ActivityFilters>(key: K, value: ActivityFilters[K] | undefined) => void;
  /** Rendered at the end of the bar, e.g. the refresh button. */
  action?: ReactNode;
}

interface FilterSelectProps<K extends keyof ActivitySelectFilters> {
  name: K;
  label: string;
  value: ActivitySelectFilters[K];
  anyLabel: string;
  options: { value: NonNullable<ActivitySelectFilters[K]>; label: string }[];
  onChange: ActivityFiltersBarProps['onChange'];
}

/** One select of the bar, for whichever filter it sets. */
type FilterDefinition = {
  [K in keyof ActivitySelectFilters]-?: Omit<FilterSelectProps<K>, 'value' | 'onChange'>;
}[keyof ActivitySelectFilters];

/** A select's label, "any" choice and options in the viewer's language. */
const definitionOf = (
  name: keyof ActivitySelectFilters,
  message: (descriptor: MessageDescriptor) => string,
): FilterDefinition => {
  const { label, any, values } = SELECT_FILTERS[name];
  const options = Object.keys(values).map((value) => ({
    value,
    label: message((values as Record<string, MessageDescriptor>)[value]),
  }));
  return { name, label: message(label), anyLabel: message(any), options } as FilterDefinition;
};

const FilterSelect = <K extends keyof ActivitySelectFilters>({
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
        onChange={(next) => onChange(name, next === ANY ? undefined : (String(next) as ActivitySelectFilters[K]))}
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

/** Search, outcome, resource type and mode, and the date range. */
export const ActivityFiltersBar = ({ filters, onChange, action }: ActivityFiltersBarProps) => {
  const { formatMessage } = useIntl();
  const message = (descriptor: MessageDescriptor) => formatMessage(descriptor);

  const selects = (Object.keys(SELECT_FILTERS) as (keyof ActivitySelectFilters)[]).map((name): FilterDefinition =>
    definitionOf(name, message),
  );

  return (
    <Flex gap={4} alignItems="flex-end" wrap="wrap">
      <ActivitySearchField
        key={filters.search ?? ''}
        value={filters.search}
        onChange={(search) => onChange('search', search)}
      />
      {selects.map((select) => (
        <FilterSelect key={select.name} {...select} value={filters[select.name]} onChange={onChange} />
      ))}
      <ActivityDateRange from={filters.from} to={filters.to} onChange={onChange} />
      {action ? <Box marginLeft="auto">{action}</Box> : null}
    </Flex>
  );
};
