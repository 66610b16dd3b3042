import { Button, Field, Modal, TextInput } from '@strapi/design-system';
import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import type { CreatedSecretResponse } from '../../types';
import { getTranslation } from '../../utils/getTranslation';
import { CreatedSecret } from './CreatedSecret';

interface AddSecretDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  create: (label: string) => Promise<CreatedSecretResponse | null>;
}

const FORM_ID = 'scim-add-secret';

/** Asks for an optional label, creates the secret, then shows it once. */
export const AddSecretDialog = ({ open, onOpenChange, create }: AddSecretDialogProps) => {
  const { formatMessage } = useIntl();
  const [label, setLabel] = useState('');
  const [isCreating, setIsCreating] = useState(false);
  const [created, setCreated] = useState<CreatedSecretResponse | null>(null);

  const changeOpen = (next: boolean) => {
    if (!next) {
      setLabel('');
      setCreated(null);
    }
    onOpenChange(next);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setIsCreating(true);
    setCreated(await create(label));
    setIsCreating(false);
  };

  return (
    <Modal.Root open={open} onOpenChange={changeOpen}>
      <Modal.Content>
        <Modal.Header closeLabel={formatMessage({ id: getTranslation('secrets.add.close'), defaultMessage: 'Close' })}>
          <Modal.Title>
            {created
              ? formatMessage({ id: getTranslation('secrets.created.title'), defaultMessage: 'Your new secret' })
              : formatMessage({ id: getTranslation('secrets.add.title'), defaultMessage: 'Add a secret' })}
          </Modal.Title>
        </Modal.Header>
        <Modal.Body>
          {created ? (
            <CreatedSecret created={created} />
          ) : (
            <form id={FORM_ID} onSubmit={submit}>
              <Field.Root
                name="label"
                hint={formatMessage({
                  id: getTranslation('secrets.add.labelHint'),
                  defaultMessage: 'Optional. Helps you recognize the secret later, e.g. "Entra ID production".',
                })}
              >
                <Field.Label>{formatMessage({ id: getTranslation('secrets.add.label'), defaultMessage: 'Label' })}</Field.Label>
                <TextInput value={label} maxLength={120} onChange={(event) => setLabel(event.currentTarget.value)} />
                <Field.Hint />
              </Field.Root>
            </form>
          )}
        </Modal.Body>
        <Modal.Footer>
          {created ? (
            <Button onClick={() => changeOpen(false)}>
              {formatMessage({ id: getTranslation('secrets.created.done'), defaultMessage: 'Done' })}
            </Button>
          ) : (
            <>
              <Modal.Close>
                <Button variant="tertiary">{formatMessage({ id: getTranslation('confirm.cancel'), defaultMessage: 'Cancel' })}</Button>
              </Modal.Close>
              <Button type="submit" form={FORM_ID} loading={isCreating}>
                {formatMessage({ id: getTranslation('secrets.add.submit'), defaultMessage: 'Create secret' })}
              </Button>
            </>
          )}
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
