import { useIntl } from 'react-intl';
import type { SetupStatusResponse } from '../../types';
import { getTranslation } from '../../utils/getTranslation';
import { Notice } from '../common/Notice';
import { ActivityPageLink } from './ActivityPageLink';

/** In test mode, once something was received: what waits for production, and where to review it. */
export const NotAppliedBanner = ({ notApplied }: { notApplied: SetupStatusResponse['notApplied'] }) => {
  const { formatMessage } = useIntl();
  if (!notApplied || notApplied.users + notApplied.groups === 0) return null;
  return (
    <Notice
      variant="warning"
      title={{ id: 'setup.banner.title', defaultMessage: 'Test mode' }}
      action={
        <ActivityPageLink>
          {formatMessage({ id: getTranslation('setup.banner.link'), defaultMessage: 'Open Activity' })}
        </ActivityPageLink>
      }
    >
      {formatMessage(
        {
          id: getTranslation('setup.banner.body'),
          defaultMessage:
            '{users, plural, one {# user} other {# users}}, {groups, plural, one {# group} other {# groups}} received: review them in Activity, then switch to production.',
        },
        notApplied,
      )}
    </Notice>
  );
};
