import { Flex, Toggle } from '@strapi/design-system';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useProductionJob } from '../../hooks/useProductionJob';
import type { ProductionJobResponse } from '../../types';
import { getTranslation } from '../../utils/getTranslation';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { SectionCard } from '../common/SectionCard';
import { DisabledReasonNote, WithDisabledReason } from '../common/WithDisabledReason';
import { ProductionJobProgress } from './ProductionJobProgress';

interface ProductionModeCardProps {
  productionMode: boolean;
  disabledReason?: string;
  onChange: (productionMode: boolean) => Promise<boolean>;
  /**
   * How many provisioned users and groups switching on will apply to Strapi; when it is undefined the confirmation
   * speaks of "every provisioned user and group".
   */
  provisioned?: { users: number; groups: number };
  /** The newest production job from the settings answer: its progress is polled while it runs. */
  job?: ProductionJobResponse | null;
}

/** Production mode switch. Switching it on asks first, as it starts changing Strapi users. */
export const ProductionModeCard = ({
  productionMode,
  disabledReason,
  onChange,
  provisioned,
  job = null,
}: ProductionModeCardProps) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const currentJob = useProductionJob(job);
  const [confirmOpen, setConfirmOpen] = useState(false);
  const label = formatMessage({ id: getTranslation('production.label'), defaultMessage: 'Production mode' });

  const handleChange = (checked: boolean) => {
    if (checked) setConfirmOpen(true);
    else void onChange(false);
  };

  return (
    <SectionCard
      title={label}
      description={
        productionMode
          ? formatMessage({
              id: getTranslation('production.on.description'),
              defaultMessage:
                "Production mode: the identity provider's changes create, update and deactivate Strapi users.",
            })
          : formatMessage({
              id: getTranslation('production.off.description'),
              defaultMessage: 'Test mode: requests are answered and recorded, Strapi users are not changed.',
            })
      }
    >
      <Flex direction="column" alignItems="stretch" gap={1}>
        <WithDisabledReason reason={disabledReason}>
          <Toggle
            name="productionMode"
            aria-label={label}
            checked={productionMode}
            disabled={Boolean(disabledReason)}
            onLabel={formatMessage({ id: getTranslation('production.on'), defaultMessage: 'Production' })}
            offLabel={formatMessage({ id: getTranslation('production.off'), defaultMessage: 'Test' })}
            onChange={(event) => handleChange(event.currentTarget.checked)}
          />
        </WithDisabledReason>
        <DisabledReasonNote reason={disabledReason} />
        {currentJob ? <ProductionJobProgress job={currentJob} linkToActivity /> : null}
      </Flex>
      <ConfirmDialog
        open={confirmOpen}
        onOpenChange={setConfirmOpen}
        variant="default"
        title={t('production.confirm.title', 'Switch to production mode?')}
        confirmLabel={t('production.confirm.action', 'Switch to production')}
        onConfirm={() => onChange(true)}
      >
        {provisioned === undefined
          ? formatMessage({
              id: getTranslation('production.confirm.body'),
              defaultMessage:
                'Every provisioned user and group will be applied to Strapi, and from then on the identity provider creates, updates and deactivates Strapi users.',
            })
          : formatMessage(
              {
                id: getTranslation('production.confirm.bodyWithCounts'),
                defaultMessage:
                  '{users, plural, one {# provisioned user} other {# provisioned users}} and {groups, plural, one {# group} other {# groups}} will be applied to Strapi, and from then on the identity provider creates, updates and deactivates Strapi users.',
              },
              { users: provisioned.users, groups: provisioned.groups },
            )}
      </ConfirmDialog>
    </SectionCard>
  );
};
