import { Alert, Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { CreatedSecretResponse } from '../../types';
import { getTranslation } from '../../utils/getTranslation';
import { CopyButton } from '../common/CopyButton';

/** The plaintext of a secret just created, with a copy button and, if it cannot be revealed later, a warning. */
export const CreatedSecret = ({ created }: { created: CreatedSecretResponse }) => {
  const { formatMessage } = useIntl();
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      {created.revealable ? (
        <Typography textColor="neutral700">
          {formatMessage({
            id: getTranslation('secrets.created.revealable'),
            defaultMessage:
              'Paste it as the secret token in your identity provider. You can copy it again later from the secrets table.',
          })}
        </Typography>
      ) : (
        <Alert
          variant="warning"
          closeLabel={formatMessage({ id: getTranslation('secrets.created.dismiss'), defaultMessage: 'Dismiss' })}
          title={formatMessage({ id: getTranslation('secrets.created.onceTitle'), defaultMessage: 'Copy it now' })}
        >
          {formatMessage({
            id: getTranslation('secrets.created.once'),
            defaultMessage: 'This secret will not be shown again. If you lose it, create a new one.',
          })}
        </Alert>
      )}
      <Flex gap={2} alignItems="center">
        <Box flex={1} background="neutral100" hasRadius padding={3} borderColor="neutral200">
          <Typography
            tag="code"
            fontWeight="semiBold"
            style={{ wordBreak: 'break-all', fontFamily: 'monospace' }}
            data-testid="created-secret"
          >
            {created.secret}
          </Typography>
        </Box>
        <CopyButton
          value={created.secret}
          label={formatMessage({ id: getTranslation('secrets.copy'), defaultMessage: 'Copy the secret' })}
        />
      </Flex>
    </Flex>
  );
};
