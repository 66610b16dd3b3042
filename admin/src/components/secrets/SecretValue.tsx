import { Flex, IconButton, Typography } from '@strapi/design-system';
import { Eye, EyeStriked } from '@strapi/icons';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { SecretSummaryResponse } from '../../types';
import { getTranslation } from '../../utils/getTranslation';
import { CopyButton } from '../common/CopyButton';
import { WithDisabledReason } from '../common/WithDisabledReason';
import { maskSecret } from './secretNames';

interface SecretValueProps {
  secret: SecretSummaryResponse;
  reveal: (id: number) => Promise<string | null>;
  /** The allowSecretReveal option: off, no copy or show control is offered at all. */
  allowReveal: boolean;
  /** Why the admin may not copy secrets again (they cannot create users in Strapi), if so. */
  revealDisabledReason?: string;
}

/** The masked secret, with copy and show/hide when the server can decrypt it again and this admin may see it. */
export const SecretValue = ({ secret, reveal, allowReveal, revealDisabledReason }: SecretValueProps) => {
  const { formatMessage } = useIntl();
  const [plaintext, setPlaintext] = useState<string | null>(null);
  const [shown, setShown] = useState(false);

  const fetchPlaintext = async () => {
    if (plaintext) return plaintext;
    const value = await reveal(secret.id);
    setPlaintext(value);
    return value;
  };

  const toggleShown = async () => {
    if (shown) {
      setShown(false);
      return;
    }
    if (await fetchPlaintext()) setShown(true);
  };

  const notRevealableReason = secret.revealable
    ? revealDisabledReason
    : formatMessage({
        id: getTranslation('secrets.notRevealable'),
        defaultMessage: 'This secret was shown once, when it was created, and cannot be copied again.',
      });
  const masked = (
    <Typography tag="code" textColor="neutral800" style={{ wordBreak: 'break-all', fontFamily: 'monospace' }}>
      {shown && plaintext ? plaintext : maskSecret(secret.hint)}
    </Typography>
  );

  if (!allowReveal) return masked;

  return (
    <Flex gap={1}>
      {masked}
      <WithDisabledReason reason={notRevealableReason}>
        <CopyButton
          iconOnly
          value={fetchPlaintext}
          disabled={Boolean(notRevealableReason)}
          label={formatMessage({ id: getTranslation('secrets.copy'), defaultMessage: 'Copy the secret' })}
        />
      </WithDisabledReason>
      {notRevealableReason ? null : (
        <IconButton
          variant="ghost"
          onClick={toggleShown}
          label={
            shown
              ? formatMessage({ id: getTranslation('secrets.hide'), defaultMessage: 'Hide the secret' })
              : formatMessage({ id: getTranslation('secrets.show'), defaultMessage: 'Show the secret' })
          }
        >
          {shown ? <EyeStriked /> : <Eye />}
        </IconButton>
      )}
    </Flex>
  );
};
