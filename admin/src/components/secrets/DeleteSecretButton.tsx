import { IconButton } from '@strapi/design-system';
import { Trash } from '@strapi/icons';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../utils/getTranslation';
import { ConfirmDialog } from '../common/ConfirmDialog';

interface DeleteSecretButtonProps {
  name: string;
  onDelete: () => Promise<boolean>;
}

export const DeleteSecretButton = ({ name, onDelete }: DeleteSecretButtonProps) => {
  const { formatMessage } = useIntl();
  const [confirmOpen, setConfirmOpen] = useState(false);

  return (
    <>
      <IconButton
        variant="ghost"
        onClick={() => setConfirmOpen(true)}
        label={formatMessage({ id: getTranslation('secrets.delete'), defaultMessage: 'Delete {name}' }, { name })}
      >
        <Trash />
      </IconButton>
      <ConfirmDialog
        open={confirmOpen}
        onOpenChange={setConfirmOpen}
        title={formatMessage({ id: getTranslation('secrets.delete.title'), defaultMessage: 'Delete this secret?' })}
        confirmLabel={formatMessage({ id: getTranslation('secrets.delete.action'), defaultMessage: 'Delete' })}
        onConfirm={onDelete}
      >
        {formatMessage({
          id: getTranslation('secrets.delete.body'),
          defaultMessage:
            'An identity provider still using this secret will be refused from its next request. This cannot be undone.',
        })}
      </ConfirmDialog>
    </>
  );
};
