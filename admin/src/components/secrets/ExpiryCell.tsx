import { Badge, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../utils/getTranslation';
import { daysLeft, EXPIRY_WARNING_DAYS } from './secretExpiry';

const DAY_FORMAT = { dateStyle: 'medium' } as const;

/** The expiry day, or Never; a badge when the secret has expired or expires within two weeks. */
export const ExpiryCell = ({ expiresAt, expired }: { expiresAt: string | null; expired: boolean }) => {
  const { formatMessage, formatDate } = useIntl();
  const left = expired ? null : daysLeft(expiresAt);
  return (
    <Flex gap={2}>
      <Typography textColor={expired ? 'danger600' : 'neutral800'}>
        {expiresAt
          ? formatDate(expiresAt, DAY_FORMAT)
          : formatMessage({ id: getTranslation('secrets.neverExpires'), defaultMessage: 'Never' })}
      </Typography>
      {expired ? (
        <Badge variant="danger">
          {formatMessage({ id: getTranslation('secrets.expired'), defaultMessage: 'Expired' })}
        </Badge>
      ) : null}
      {left !== null && left <= EXPIRY_WARNING_DAYS ? (
        <Badge variant="warning">
          {formatMessage(
            {
              id: getTranslation('secrets.expiresSoon'),
              defaultMessage: 'Expires in {days, plural, one {# day} other {# days}}',
            },
            { days: left },
          )}
        </Badge>
      ) : null}
    </Flex>
  );
};
