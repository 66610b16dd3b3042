import { Flex, IconButton } from '@strapi/design-system';
import { ArrowClockwise, Pencil } from '@strapi/icons';
import { useIntl } from 'react-intl';
import type { SecretSummaryResponse } from '../../types';
import { getTranslation } from '../../utils/getTranslation';
import { WithDisabledReason } from '../common/WithDisabledReason';
import { DeleteSecretButton } from './DeleteSecretButton';
import { secretName } from './secretNames';

/** The dialogs a row opens. */
export type SecretDialogName = 'rename' | 'rotate';

interface SecretActionsProps {
  secret: SecretSummaryResponse;
  onRename: () => void;
  onRotate: () => void;
  remove: () => Promise<boolean>;
  /** Set when the admin may not create secrets: rotating creates one. */
  rotateDisabledReason?: string;
}

/**
 * A row's rename, rotate and delete buttons. Rename and rotate open dialogs held by the section, outside the
 * table: the table's keyboard navigation would otherwise swallow what is typed into them.
 */
export const SecretActions = ({ secret, onRename, onRotate, remove, rotateDisabledReason }: SecretActionsProps) => {
  const { formatMessage } = useIntl();
  const name = secretName(secret);
  return (
    <Flex gap={1}>
      <IconButton
        variant="ghost"
        onClick={onRename}
        label={formatMessage({ id: getTranslation('secrets.rename'), defaultMessage: 'Rename {name}' }, { name })}
      >
        <Pencil />
      </IconButton>
      <WithDisabledReason reason={rotateDisabledReason}>
        <IconButton
          variant="ghost"
          disabled={Boolean(rotateDisabledReason)}
          onClick={onRotate}
          label={formatMessage({ id: getTranslation('secrets.rotate'), defaultMessage: 'Rotate {name}' }, { name })}
        >
          <ArrowClockwise />
        </IconButton>
      </WithDisabledReason>
      <DeleteSecretButton name={name} lastUsedAt={secret.lastUsedAt} onDelete={remove} />
    </Flex>
  );
};
