import { Button, DatePicker, Flex, Modal, TextInput } from '@strapi/design-system';
import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import type { CreatedSecretResponse } from '../../types';
import { getTranslation } from '../../utils/getTranslation';
import { CreatedSecret } from './CreatedSecret';
import { HintedField } from '../common/HintedField';

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
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const labelHint = t(
    'secrets.add.labelHint',
    'Optional. Helps you recognize the secret later, e.g. "Entra ID production".',
  );
  const expiresHint = t(
    'secrets.add.expiresHint',
    'Optional. The secret works through this day, then the endpoint refuses it. Empty: it never expires.',
  );
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
        <Modal.Header closeLabel={t('secrets.add.close', 'Close')}>
          <Modal.Title>
            {created ? t('secrets.created.title', 'Your new secret') : t('secrets.add.title', 'Add a secret')}
          </Modal.Title>
        </Modal.Header>
        <Modal.Body>
          {created ? (
            <CreatedSecret created={created} />
          ) : (
            <Flex tag="form" id={FORM_ID} onSubmit={submit} direction="column" alignItems="stretch" gap={4}>
              <HintedField name="label" label={t('secrets.add.label', 'Label')} hint={labelHint}>
                <TextInput value={label} maxLength={120} onChange={(event) => setLabel(event.currentTarget.value)} />
              </HintedField>
              <HintedField name="expiresOn" label={t('secrets.add.expires', 'Expires on')} hint={expiresHint}>
                <DatePicker
                  value={expiresOn}
                  onChange={setExpiresOn}
                  onClear={() => setExpiresOn(undefined)}
                  clearLabel={t('secrets.add.expiresClear', 'Never expires')}
                  minDate={tomorrow()}
                />
              </HintedField>
            </Flex>
          )}
        </Modal.Body>
        <Modal.Footer>
          {created ? (
            <Button onClick={() => changeOpen(false)}>{t('secrets.created.done', 'Done')}</Button>
          ) : (
            <>
              <Modal.Close>
                <Button variant="tertiary">{t('confirm.cancel', 'Cancel')}</Button>
              </Modal.Close>
              <Button type="submit" form={FORM_ID} loading={isCreating}>
                {t('secrets.add.submit', 'Create secret')}
              </Button>
            </>
          )}
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
