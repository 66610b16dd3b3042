import { Alert } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../utils/getTranslation';

/** Says, once at the top of the page, which of the admin's permissions are missing and what that disables. */
export const ReadOnlyNotice = ({ reasons }: { reasons: string[] }) => {
  const { formatMessage } = useIntl();
  if (reasons.length === 0) return null;
  return (
    <Alert
      variant="default"
      closeLabel={formatMessage({ id: getTranslation('readOnly.dismiss'), defaultMessage: 'Dismiss' })}
      title={formatMessage({
        id: getTranslation('readOnly.title'),
        defaultMessage: 'Some settings are read-only for you.',
      })}
    >
      {reasons.join(' ')}
    </Alert>
  );
};
