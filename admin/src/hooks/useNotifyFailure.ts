import { useNotification } from '@strapi/strapi/admin';
import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import { apiErrorMessage } from '../utils/apiErrorMessage';
import { getTranslation } from '../utils/getTranslation';

/** Reports a failed change as a danger notification: the API's own message, else the given fallback. */
export const useNotifyFailure = () => {
  const { toggleNotification } = useNotification();
  const { formatMessage } = useIntl();
  return useCallback(
    (error: unknown, fallbackId: string, fallback: string) =>
      toggleNotification({
        type: 'danger',
        message: apiErrorMessage(error) ?? formatMessage({ id: getTranslation(fallbackId), defaultMessage: fallback }),
      }),
    [toggleNotification, formatMessage],
  );
};
