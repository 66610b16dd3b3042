import { Badge, Button, Flex } from '@strapi/design-system';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../utils/getTranslation';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { WithDisabledReason } from '../common/WithDisabledReason';

interface ProvisioningStatusActionProps {
  enabled: boolean;
  /** Set when the admin may not change the settings; disables the button and says why. */
  disabledReason?: string;
  onChange: (enabled: boolean) => Promise<boolean>;
}

/** The header's status badge and Enable / Disable button; disabling asks first. */
export const ProvisioningStatusAction = ({ enabled, disabledReason, onChange }: ProvisioningStatusActionProps) => {
  const { formatMessage } = useIntl();
  const [confirmOpen, setConfirmOpen] = useState(false);
  const [isSaving, setIsSaving] = useState(false);

  const enable = async () => {
    setIsSaving(true);
    await onChange(true);
    setIsSaving(false);
  };

  return (
    <Flex gap={3}>
      <Badge variant={enabled ? 'success' : 'neutral'} size="M">
        {enabled
          ? formatMessage({ id: getTranslation('status.enabled'), defaultMessage: 'Enabled' })
          : formatMessage({ id: getTranslation('status.disabled'), defaultMessage: 'Disabled' })}
      </Badge>
      <WithDisabledReason reason={disabledReason}>
        {enabled ? (
          <Button variant="danger-light" disabled={Boolean(disabledReason)} onClick={() => setConfirmOpen(true)}>
            {formatMessage({ id: getTranslation('status.disable'), defaultMessage: 'Disable' })}
          </Button>
        ) : (
          <Button disabled={Boolean(disabledReason)} loading={isSaving} onClick={enable}>
            {formatMessage({ id: getTranslation('status.enable'), defaultMessage: 'Enable' })}
          </Button>
        )}
      </WithDisabledReason>
      <ConfirmDialog
        open={confirmOpen}
        onOpenChange={setConfirmOpen}
        title={formatMessage({ id: getTranslation('status.disable.title'), defaultMessage: 'Disable provisioning?' })}
        confirmLabel={formatMessage({ id: getTranslation('status.disable'), defaultMessage: 'Disable' })}
        onConfirm={() => onChange(false)}
      >
        {formatMessage({
          id: getTranslation('status.disable.body'),
          defaultMessage:
            "The identity provider's requests will be refused until provisioning is enabled again. Users and groups already provisioned stay as they are.",
        })}
      </ConfirmDialog>
    </Flex>
  );
};
