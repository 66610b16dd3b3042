import { Typography } from '@strapi/design-system';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../utils/getTranslation';
import { GeneralPageLink } from './GeneralPageLink';
import { richText } from './richText';

const linkToGeneralPage = { generalPage: (chunks: ReactNode[]) => <GeneralPageLink>{chunks}</GeneralPageLink> };

/** A paragraph of a guide step: <b>, <code> and <generalPage> (a link to the General page) are available. */
export const StepText = ({ id, defaultMessage }: { id: string; defaultMessage: string }) => {
  const { formatMessage } = useIntl();
  return (
    <Typography tag="p" textColor="neutral700">
      {formatMessage({ id: getTranslation(id), defaultMessage }, { ...richText, ...linkToGeneralPage })}
    </Typography>
  );
};
