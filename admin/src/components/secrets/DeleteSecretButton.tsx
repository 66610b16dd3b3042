import { IconButton } from '@strapi/design-system';
import { Trash } from '@strapi/icons';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../utils/getTranslation';
import { ConfirmDialog } from '../common/ConfirmDialog';

interface DeleteSecretButtonProps {
  name: string;
  /** When the endpoint last accepted the secret; null if never. */
  lastUsedAt: string | null;
  onDelete: () => Promise<boolean>;
}

const LAST_USED_FORMAT = { dateStyle: 'medium', timeStyle: 'short' } as const;

export const DeleteSecretButton = ({ name, lastUsedAt, onDelete }: DeleteSecretButtonProps) => {
  const { formatMessage, formatDate } = useIntl();
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
        title={formatMessage(
          { id: getTranslation('secrets.delete.title'), defaultMessage: 'Delete {name}?' },
          { name },
        )}
        confirmLabel={formatMessage({ id: getTranslation('secrets.delete.action'), defaultMessage: 'Delete' })}
        onConfirm={onDelete}
      >
        {lastUsedAt
          ? formatMessage(
              {
                id: getTranslation('secrets.delete.lastUsed'),
                defaultMessage: 'It was last used on {lastUsed}.',
              },
              { lastUsed: formatDate(lastUsedAt, LAST_USED_FORMAT) },
            )
          : formatMessage({
              id: getTranslation('secrets.delete.neverUsed'),
              defaultMessage: 'It has never been used.',
            })}{' '}
        {formatMessage({
          id: getTranslation('secrets.delete.body'),
          defaultMessage:
            'An identity provider still using this secret will be refused from its next request. This cannot be undone.',
        })}
      </ConfirmDialog>
    </>
  );
};
