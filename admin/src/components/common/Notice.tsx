import { Alert } from '@strapi/design-system';
import type { ComponentProps, ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../utils/getTranslation';

interface NoticeProps {
  variant: ComponentProps<typeof Alert>['variant'];
  /** The bold first line, by translation id and English default. */
  title: { id: string; defaultMessage: string };
  /** Rendered after the text, e.g. a link. */
  action?: ReactNode;
  children: ReactNode;
}

/** A dismissible notice at the top of a page or card (Strapi's Alert with a translated close label). */
export const Notice = ({ variant, title, action, children }: NoticeProps) => {
  const { formatMessage } = useIntl();
  return (
    <Alert
      variant={variant}
      closeLabel={formatMessage({ id: getTranslation('notice.dismiss'), defaultMessage: 'Dismiss' })}
      title={formatMessage({ id: getTranslation(title.id), defaultMessage: title.defaultMessage })}
      action={action}
    >
      {children}
    </Alert>
  );
};
