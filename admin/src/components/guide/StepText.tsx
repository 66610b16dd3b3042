import { Typography } from '@strapi/design-system';
import type { ReactNode } from 'react';
import { useIntl, type MessageDescriptor } from 'react-intl';
import { GeneralPageLink } from './GeneralPageLink';
import { richText } from './richText';

const linkToGeneralPage = { generalPage: (chunks: ReactNode[]) => <GeneralPageLink>{chunks}</GeneralPageLink> };

/** A paragraph of a guide step: <b>, <code> and <generalPage> (a link to the General page) are available. */
export const StepText = ({ message }: { message: MessageDescriptor }) => {
  const { formatMessage } = useIntl();
  return (
    <Typography tag="p" textColor="neutral700">
      {formatMessage(message, { ...richText, ...linkToGeneralPage })}
    </Typography>
  );
};
