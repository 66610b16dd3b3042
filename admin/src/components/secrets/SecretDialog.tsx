import {
  Button,
  Field,
  Flex,
  Modal,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import type { CreatedSecretResponse } from '../../types';
import { getTranslation } from '../../utils/getTranslation';
import { HintedField } from '../common/HintedField';
import { CreatedSecret } from './CreatedSecret';
import { ExpiryField } from './ExpiryField';
import { expiresAtFor, GRACE_PERIODS, type ExpiryChoice } from './secretExpiry';

/** What the form asks for; `graceHours` only when rotating. */
export interface SecretFormValues {
  label: string;
  expiresAt: string | null;
  graceHours: number;
}

interface SecretDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  submit: (values: SecretFormValues) => Promise<CreatedSecretResponse | null>;
  /** Set to rotate this secret: the form then starts from its label and asks how long it keeps working. */
  rotating?: { name: string; label: string | null };
}

const FORM_ID = 'scim-secret-form';
const DEFAULT_GRACE_HOURS = 24;
const NEVER: ExpiryChoice = { preset: 'never' };

/** Asks for a label and an expiry (and, to rotate, a grace period), creates the secret, then shows it once. */
export const SecretDialog = ({ open, onOpenChange, submit, rotating }: SecretDialogProps) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const labelHint = t(
    'secrets.add.labelHint',
    'Optional. Helps you recognize the secret later, e.g. "Entra ID production".',
  );
  const [label, setLabel] = useState(rotating?.label ?? '');
  const [expiry, setExpiry] = useState<ExpiryChoice>(NEVER);
  const [graceHours, setGraceHours] = useState(DEFAULT_GRACE_HOURS);
  const [isCreating, setIsCreating] = useState(false);
  const [created, setCreated] = useState<CreatedSecretResponse | null>(null);

  const changeOpen = (next: boolean) => {
    if (!next) {
      setLabel(rotating?.label ?? '');
      setExpiry(NEVER);
      setGraceHours(DEFAULT_GRACE_HOURS);
      setCreated(null);
    }
    onOpenChange(next);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setIsCreating(true);
    setCreated(await submit({ label, expiresAt: expiresAtFor(expiry), graceHours }));
    setIsCreating(false);
  };

  const title = rotating
    ? formatMessage(
        { id: getTranslation('secrets.rotate.title'), defaultMessage: 'Rotate {name}' },
        { name: rotating.name },
      )
    : t('secrets.add.title', 'Add a secret');

  return (
    <Modal.Root open={open} onOpenChange={changeOpen}>
      <Modal.Content>
        <Modal.Header closeLabel={t('secrets.add.close', 'Close')}>
          <Modal.Title>{created ? t('secrets.created.title', 'Your new secret') : title}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          {created ? (
            <CreatedSecret created={created} />
          ) : (
            <Flex tag="form" id={FORM_ID} onSubmit={onSubmit} direction="column" alignItems="stretch" gap={4}>
              {rotating ? (
                <Typography textColor="neutral700">
                  {t(
                    'secrets.rotate.intro',
                    'A new secret replaces this one. Paste it into your identity provider before the old one stops working.',
                  )}
                </Typography>
              ) : null}
              <HintedField name="label" label={t('secrets.add.label', 'Label')} hint={labelHint}>
                <TextInput value={label} maxLength={120} onChange={(event) => setLabel(event.currentTarget.value)} />
              </HintedField>
              <ExpiryField value={expiry} onChange={setExpiry} />
              {rotating ? (
                <Field.Root name="graceHours">
                  <Field.Label>{t('secrets.rotate.grace', 'The old secret keeps working for')}</Field.Label>
                  <SingleSelect value={String(graceHours)} onChange={(next) => setGraceHours(Number(next))}>
                    {GRACE_PERIODS.map(({ hours, message }) => (
                      <SingleSelectOption key={hours} value={String(hours)}>
                        {formatMessage(message)}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                </Field.Root>
              ) : null}
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
                {rotating ? t('secrets.rotate.submit', 'Rotate') : t('secrets.add.submit', 'Create secret')}
              </Button>
            </>
          )}
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
