import { Button, Field, Modal, TextInput } from '@strapi/design-system';
import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../utils/getTranslation';

interface RenameSecretDialogProps {
  /** The secret's name as the table shows it, and its label. */
  name: string;
  label: string | null;
  onClose: () => void;
  rename: (label: string) => Promise<boolean>;
}

const FORM_ID = 'scim-rename-secret';

/** Changes a secret's label; the secret itself stays as it is. Mounted while open. */
export const RenameSecretDialog = ({ name, label, onClose, rename }: RenameSecretDialogProps) => {
  const { formatMessage } = useIntl();
  const [value, setValue] = useState(label ?? '');
  const [isSaving, setIsSaving] = useState(false);
  const title = formatMessage({ id: getTranslation('secrets.rename'), defaultMessage: 'Rename {name}' }, { name });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setIsSaving(true);
    const saved = await rename(value);
    setIsSaving(false);
    if (saved) onClose();
  };

  return (
    <Modal.Root open onOpenChange={(open) => (open ? undefined : onClose())}>
      <Modal.Content>
        <Modal.Header closeLabel={formatMessage({ id: getTranslation('secrets.add.close'), defaultMessage: 'Close' })}>
          <Modal.Title>{title}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <form id={FORM_ID} onSubmit={save}>
            <Field.Root name="label">
              <Field.Label>
                {formatMessage({ id: getTranslation('secrets.add.label'), defaultMessage: 'Label' })}
              </Field.Label>
              <TextInput value={value} maxLength={120} onChange={(event) => setValue(event.currentTarget.value)} />
            </Field.Root>
          </form>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">
              {formatMessage({ id: getTranslation('confirm.cancel'), defaultMessage: 'Cancel' })}
            </Button>
          </Modal.Close>
          <Button type="submit" form={FORM_ID} loading={isSaving}>
            {formatMessage({ id: getTranslation('secrets.rename.save'), defaultMessage: 'Save' })}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
