import { Flex } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { SetupStatusResponse } from '../../types';
import { getTranslation } from '../../utils/getTranslation';
import { SectionCard } from '../common/SectionCard';
import { ChecklistItem } from './ChecklistItem';

const DATE_FORMAT = { dateStyle: 'medium', timeStyle: 'short' } as const;

/** Where the site owner stands, from enabling to an identity provider's requests arriving. */
export const SetupChecklist = ({ status }: { status: SetupStatusResponse }) => {
  const { formatMessage, formatDate, formatNumber } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const when = (value: string | null, none: string) => (value ? formatDate(value, DATE_FORMAT) : none);
  const failures = status.failedRequestsLast24h;

  return (
    <SectionCard
      title={t('setup.title', 'Setup checklist')}
      description={t(
        'setup.description',
        'Enable, create a secret, give both to your identity provider, check its first users in Activity, then switch to production.',
      )}
    >
      <Flex tag="ul" direction="column" alignItems="stretch" gap={2}>
        <ChecklistItem done={status.enabled} label={t('setup.enabled', 'Provisioning')}>
          {status.enabled
            ? t('setup.enabled.yes', 'On: the endpoint answers requests')
            : t('setup.enabled.no', 'Disabled: enable it above')}
        </ChecklistItem>
        <ChecklistItem done={status.secretExists} label={t('setup.secret', 'Secret for the identity provider')}>
          {status.secretExists
            ? t('setup.secret.yes', 'Created')
            : t('setup.secret.no', 'None usable: add one under Secrets')}
        </ChecklistItem>
        <ChecklistItem done={status.firstRequestAt !== null} label={t('setup.firstRequest', 'First request received')}>
          {when(status.firstRequestAt, t('setup.firstRequest.none', 'Not yet: no request with a valid secret'))}
        </ChecklistItem>
        <ChecklistItem done={status.lastRequestAt !== null} label={t('setup.lastRequest', 'Last request')}>
          {when(status.lastRequestAt, t('setup.lastRequest.none', 'None'))}
        </ChecklistItem>
        <ChecklistItem done={failures === 0} label={t('setup.failures', 'Failed requests in the last 24 hours')}>
          {formatNumber(failures)}
        </ChecklistItem>
        <ChecklistItem done={status.mode === 'production'} label={t('setup.mode', 'Mode')}>
          {status.mode === 'production'
            ? t('setup.mode.production', 'Production: Strapi users are created and updated')
            : t('setup.mode.test', 'Test: requests are recorded, Strapi users are not changed')}
        </ChecklistItem>
      </Flex>
    </SectionCard>
  );
};
