import type { MessageDescriptor } from 'react-intl';
import type { ActivityEntryResponse, ActivityResourceType } from '../../types';
import { getTranslation } from '../../utils/getTranslation';

export const RESOURCE_TYPES: ActivityResourceType[] = ['User', 'Group', 'Settings', 'Secret', 'Endpoint'];

export const RESOURCE_TYPE_MESSAGES: Record<ActivityResourceType, MessageDescriptor> = {
  User: { id: getTranslation('activity.resourceType.user'), defaultMessage: 'User' },
  Group: { id: getTranslation('activity.resourceType.group'), defaultMessage: 'Group' },
  Settings: { id: getTranslation('activity.resourceType.settings'), defaultMessage: 'Settings' },
  Secret: { id: getTranslation('activity.resourceType.secret'), defaultMessage: 'Secret' },
  Endpoint: { id: getTranslation('activity.resourceType.endpoint'), defaultMessage: 'Endpoint' },
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
