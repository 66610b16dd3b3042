import { Badge } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { ActivityEntryResponse } from '../../types';
import { getTranslation } from '../../utils/getTranslation';
import { MODE_MESSAGES } from './activityMessages';

type Entry = Pick<ActivityEntryResponse, 'outcome' | 'status' | 'mode'> & Partial<Pick<ActivityEntryResponse, 'count'>>;

/** "Success 201" in green or "Failure 409" in red; a refused-request entry adds its count ("Failure 401 × 37"). */
export const OutcomeBadge = ({ entry }: { entry: Entry }) => {
  const { formatMessage } = useIntl();
  const success = entry.outcome === 'success';
  return (
    <Badge variant={success ? 'success' : 'danger'}>
      {success
        ? formatMessage(
            { id: getTranslation('activity.outcome.successStatus'), defaultMessage: 'Success {status}' },
            { status: entry.status },
          )
        : entry.count
          ? formatMessage(
              {
                id: getTranslation('activity.outcome.failureStatusCount'),
                defaultMessage: 'Failure {status} × {count}',
              },
              { status: entry.status, count: entry.count },
            )
          : formatMessage(
              { id: getTranslation('activity.outcome.failureStatus'), defaultMessage: 'Failure {status}' },
              { status: entry.status },
            )}
    </Badge>
  );
};

/** Test or Production; entries not made by the SCIM endpoint (settings, secrets) have no mode. */
export const ModeBadge = ({ entry }: { entry: Entry }) => {
  const { formatMessage } = useIntl();
  if (entry.mode === null) return <>—</>;
  return (
    <Badge variant={entry.mode === 'production' ? 'primary' : 'warning'}>
      {formatMessage(MODE_MESSAGES[entry.mode])}
    </Badge>
  );
};
