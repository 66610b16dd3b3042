import { Button, Dialog, Flex, Typography } from '@strapi/design-system';
import { WarningCircle } from '@strapi/icons';
import { useState, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../utils/getTranslation';

interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
  variant?: 'danger' | 'default';
}

/**
 * A controlled confirmation, like Strapi's `ConfirmDialog` but opened by its parent, so that a toggle's change
 * (not only a button) can ask first. It stays open, with a loading button, until `onConfirm` settles.
 */
export const ConfirmDialog = ({
  open,
  onOpenChange,
  title,
  children,
  confirmLabel,
  onConfirm,
  variant = 'danger',
}: ConfirmDialogProps) => {
  const { formatMessage } = useIntl();
  const [isConfirming, setIsConfirming] = useState(false);

  const confirm = async () => {
    setIsConfirming(true);
    try {
      await onConfirm();
    } finally {
      setIsConfirming(false);
      onOpenChange(false);
    }
  };

  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Content>
        <Dialog.Header>{title}</Dialog.Header>
        <Dialog.Body
          icon={<WarningCircle fill={variant === 'danger' ? 'danger600' : 'warning600'} width="24px" height="24px" />}
        >
          <Flex direction="column" alignItems="stretch" gap={2}>
            {typeof children === 'string' ? <Typography textAlign="center">{children}</Typography> : children}
          </Flex>
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button fullWidth variant="tertiary">
              {formatMessage({ id: getTranslation('confirm.cancel'), defaultMessage: 'Cancel' })}
            </Button>
          </Dialog.Cancel>
          <Button
            fullWidth
            variant={variant === 'danger' ? 'danger-light' : 'default'}
            loading={isConfirming}
            onClick={confirm}
          >
            {confirmLabel}
          </Button>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};
