import { Button, IconButton } from '@strapi/design-system';
import { Check, Duplicate } from '@strapi/icons';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useCopyToClipboard } from '../../hooks/useCopyToClipboard';
import { getTranslation } from '../../utils/getTranslation';

interface CopyButtonProps {
  /** The text, or a function fetching it (a stored secret is revealed only when copied). */
  value: string | (() => Promise<string | null>);
  /** Accessible name of the icon-only variant, e.g. "Copy the endpoint URL". */
  label: string;
  iconOnly?: boolean;
  disabled?: boolean;
}

/** A copy button that turns into "Copied" for a moment after copying. */
export const CopyButton = ({ value, label, iconOnly = false, disabled = false }: CopyButtonProps) => {
  const { formatMessage } = useIntl();
  const { copy, copied } = useCopyToClipboard();
  const [isFetching, setIsFetching] = useState(false);
  const copiedLabel = formatMessage({ id: getTranslation('copy.copied'), defaultMessage: 'Copied' });

  const handleClick = async () => {
    if (typeof value === 'string') {
      await copy(value);
      return;
    }
    setIsFetching(true);
    try {
      const text = await value();
      if (text) await copy(text);
    } finally {
      setIsFetching(false);
    }
  };

  if (iconOnly) {
    return (
      <IconButton
        label={copied ? copiedLabel : label}
        variant="ghost"
        onClick={handleClick}
        disabled={disabled || isFetching}
      >
        {copied ? <Check /> : <Duplicate />}
      </IconButton>
    );
  }
  return (
    <Button
      variant="secondary"
      startIcon={copied ? <Check /> : <Duplicate />}
      onClick={handleClick}
      disabled={disabled}
      loading={isFetching}
      aria-label={copied ? copiedLabel : label}
    >
      {copied ? copiedLabel : formatMessage({ id: getTranslation('copy.copy'), defaultMessage: 'Copy' })}
    </Button>
  );
};
