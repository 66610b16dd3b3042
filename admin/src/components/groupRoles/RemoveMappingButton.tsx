import { IconButton } from '@strapi/design-system';
import { Trash } from '@strapi/icons';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../utils/getTranslation';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { WithDisabledReason } from '../common/WithDisabledReason';

interface RemoveMappingButtonProps {
  groupName: string;
  roleName: string;
  disabledReason?: string;
  onRemove: () => Promise<boolean>;
}

/** Asks first: in production mode the group's members lose the role at once. */
export const RemoveMappingButton = ({ groupName, roleName, disabledReason, onRemove }: RemoveMappingButtonProps) => {
  const { formatMessage } = useIntl();
  const [confirmOpen, setConfirmOpen] = useState(false);
  const values = { group: groupName, role: roleName };

  return (
    <>
      <WithDisabledReason reason={disabledReason}>
        <IconButton
          variant="ghost"
          disabled={Boolean(disabledReason)}
          onClick={() => setConfirmOpen(true)}
          label={formatMessage(
            { id: getTranslation('groupRoles.remove'), defaultMessage: 'Remove {group} → {role}' },
            values,
          )}
        >
          <Trash />
        </IconButton>
      </WithDisabledReason>
      <ConfirmDialog
        open={confirmOpen}
        onOpenChange={setConfirmOpen}
        title={formatMessage({ id: getTranslation('groupRoles.remove.title'), defaultMessage: 'Remove this mapping?' })}
        confirmLabel={formatMessage({ id: getTranslation('groupRoles.remove.action'), defaultMessage: 'Remove' })}
        onConfirm={onRemove}
      >
        {formatMessage(
          {
            id: getTranslation('groupRoles.remove.body'),
            defaultMessage:
              'In production mode, the members of {group} lose the role {role} at once, unless another mapping or the default role gives it to them.',
          },
          values,
        )}
      </ConfirmDialog>
    </>
  );
};
