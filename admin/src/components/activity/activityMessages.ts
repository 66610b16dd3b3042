import type { MessageDescriptor } from 'react-intl';
import type {
  ActivityEntryResponse,
  ActivitySelectFilters,
  ActivityMode,
  ActivityOutcome,
  ActivityResourceType,
} from '../../types';
import { getTranslation } from '../../utils/getTranslation';

export const RESOURCE_TYPES: ActivityResourceType[] = ['User', 'Group', 'Settings', 'Secret', 'Endpoint'];

export const RESOURCE_TYPE_MESSAGES: Record<ActivityResourceType, MessageDescriptor> = {
  User: { id: getTranslation('activity.resourceType.user'), defaultMessage: 'User' },
  Group: { id: getTranslation('activity.resourceType.group'), defaultMessage: 'Group' },
  Settings: { id: getTranslation('activity.resourceType.settings'), defaultMessage: 'Settings' },
  Secret: { id: getTranslation('activity.resourceType.secret'), defaultMessage: 'Secret' },
  Endpoint: { id: getTranslation('activity.resourceType.endpoint'), defaultMessage: 'Endpoint' },
};

export const OUTCOME_MESSAGES: Record<ActivityOutcome, MessageDescriptor> = {
  success: { id: getTranslation('activity.outcome.success'), defaultMessage: 'Success' },
  failure: { id: getTranslation('activity.outcome.failure'), defaultMessage: 'Failure' },
};

export const MODE_MESSAGES: Record<ActivityMode, MessageDescriptor> = {
  production: { id: getTranslation('activity.mode.production'), defaultMessage: 'Production' },
  test: { id: getTranslation('activity.mode.test'), defaultMessage: 'Test' },
};

/** The filters the bar offers as selects, in order: their label, their "any" choice and the names of their values. */
export const SELECT_FILTERS: {
  [K in keyof ActivitySelectFilters]-?: {
    label: MessageDescriptor;
    any: MessageDescriptor;
    values: Record<NonNullable<ActivitySelectFilters[K]>, MessageDescriptor>;
  };
} = {
  outcome: {
    label: { id: getTranslation('activity.filter.outcome'), defaultMessage: 'Outcome' },
    any: { id: getTranslation('activity.filter.anyOutcome'), defaultMessage: 'All outcomes' },
    values: OUTCOME_MESSAGES,
  },
  resourceType: {
    label: { id: getTranslation('activity.filter.resourceType'), defaultMessage: 'Resource type' },
    any: { id: getTranslation('activity.filter.anyResourceType'), defaultMessage: 'All resource types' },
    values: RESOURCE_TYPE_MESSAGES,
  },
  mode: {
    label: { id: getTranslation('activity.filter.mode'), defaultMessage: 'Mode' },
    any: { id: getTranslation('activity.filter.anyMode'), defaultMessage: 'Test and production' },
    values: { test: MODE_MESSAGES.test, production: MODE_MESSAGES.production },
  },
};

/** The translated name of a resource type; a type this admin panel does not know yet is shown as sent. */
export const resourceTypeMessage = (type: string): MessageDescriptor =>
  (RESOURCE_TYPE_MESSAGES as Partial<Record<string, MessageDescriptor>>)[type] ?? {
    id: getTranslation(`activity.resourceType.${type}`),
    defaultMessage: type,
  };

/** Time with seconds: several entries often share a minute. */
export const ACTIVITY_DATE_FORMAT = { dateStyle: 'medium', timeStyle: 'medium' } as const;

/** The name the entry is best known by: the resource's name, else its id, else nothing (settings). */
export const resourceLabel = (entry: Pick<ActivityEntryResponse, 'resourceName' | 'resourceId'>): string | null =>
  entry.resourceName ?? entry.resourceId ?? null;
