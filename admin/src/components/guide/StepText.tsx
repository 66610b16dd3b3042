import { Typography } from '@strapi/design-system';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../utils/getTranslation';
import { ActivityPageLink } from '../setup/ActivityPageLink';
import { GeneralPageLink } from './GeneralPageLink';
import { richText } from './richText';

const pageLinks = {
  generalPage: (chunks: ReactNode[]) => <GeneralPageLink>{chunks}</GeneralPageLink>,
  activityPage: (chunks: ReactNode[]) => <ActivityPageLink>{chunks}</ActivityPageLink>,
};

/** A paragraph of a guide step: <b>, <code>, <generalPage> and <activityPage> (links to those pages) are available. */
export const StepText = ({ id, defaultMessage }: { id: string; defaultMessage: string }) => {
  const { formatMessage } = useIntl();
  return (
    <Typography tag="p" textColor="neutral700">
      {formatMessage({ id: getTranslation(id), defaultMessage }, { ...richText, ...pageLinks })}
    </Typography>
  );
};
