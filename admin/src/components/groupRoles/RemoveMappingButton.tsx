import { IconButton } from '@strapi/design-system';
import { Trash } from '@strapi/icons';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../utils/getTranslation';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { WithDisabledReason } from '../common/WithDisabledReason';

interface RemoveMappingButtonProps {
  /** The button's accessible name, e.g. "Remove Editors → Editor". */
  label: string;
  /** What removing does, shown in the confirmation. */
  body: string;
  disabledReason?: string;
  onRemove: () => Promise<boolean>;
}

/** Asks first: in production mode the mapped users lose the role at once. */
export const RemoveMappingButton = ({ label, body, disabledReason, onRemove }: RemoveMappingButtonProps) => {
  const { formatMessage } = useIntl();
  const [confirmOpen, setConfirmOpen] = useState(false);

  return (
    <>
      <WithDisabledReason reason={disabledReason}>
        <IconButton
          variant="ghost"
          disabled={Boolean(disabledReason)}
          onClick={() => setConfirmOpen(true)}
          label={label}
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
        {body}
      </ConfirmDialog>
    </>
  );
};
