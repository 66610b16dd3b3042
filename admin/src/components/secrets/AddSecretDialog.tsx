import { Button, DatePicker, Field, Flex, Modal, TextInput } from '@strapi/design-system';
import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import type { CreatedSecretResponse } from '../../types';
import { getTranslation } from '../../utils/getTranslation';
import { CreatedSecret } from './CreatedSecret';

interface AddSecretDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  create: (label: string, expiresAt: string | null) => Promise<CreatedSecretResponse | null>;
}

const FORM_ID = 'scim-add-secret';

/** A secret chosen to expire on a day stays valid through that day, in the admin's time zone. */
const endOfDay = (day: Date) =>
  new Date(day.getFullYear(), day.getMonth(), day.getDate(), 23, 59, 59, 999).toISOString();

const tomorrow = () => {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
};

/** Asks for an optional label, creates the secret, then shows it once. */
export const AddSecretDialog = ({ open, onOpenChange, create }: AddSecretDialogProps) => {
  const { formatMessage } = useIntl();
  const [label, setLabel] = useState('');
  const [expiresOn, setExpiresOn] = useState<Date | undefined>(undefined);
  const [isCreating, setIsCreating] = useState(false);
  const [created, setCreated] = useState<CreatedSecretResponse | null>(null);

  const changeOpen = (next: boolean) => {
    if (!next) {
      setLabel('');
      setExpiresOn(undefined);
      setCreated(null);
    }
    onOpenChange(next);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setIsCreating(true);
    setCreated(await create(label, expiresOn ? endOfDay(expiresOn) : null));
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
            <Flex tag="form" id={FORM_ID} onSubmit={submit} direction="column" alignItems="stretch" gap={4}>
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
              <Field.Root
                name="expiresOn"
                hint={formatMessage({
                  id: getTranslation('secrets.add.expiresHint'),
                  defaultMessage: 'Optional. The secret works through this day, then the endpoint refuses it. Empty: it never expires.',
                })}
              >
                <Field.Label>{formatMessage({ id: getTranslation('secrets.add.expires'), defaultMessage: 'Expires on' })}</Field.Label>
                <DatePicker
                  value={expiresOn}
                  onChange={setExpiresOn}
                  onClear={() => setExpiresOn(undefined)}
                  clearLabel={formatMessage({ id: getTranslation('secrets.add.expiresClear'), defaultMessage: 'Never expires' })}
                  minDate={tomorrow()}
                />
                <Field.Hint />
              </Field.Root>
            </Flex>
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
