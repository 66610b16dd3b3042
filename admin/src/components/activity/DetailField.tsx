import { Flex, Typography } from '@strapi/design-system';
import type { ReactNode } from 'react';

/** One labelled value of the details panel; an empty value is shown as a dash. */
export const DetailField = ({ label, children }: { label: string; children?: ReactNode }) => (
  <Flex direction="column" alignItems="stretch" gap={1} tag="dl" margin={0}>
    <Typography variant="sigma" textColor="neutral600" tag="dt">
      {label}
    </Typography>
    <Typography textColor="neutral800" tag="dd" margin={0} style={{ wordBreak: 'break-word' }}>
      {children ?? '—'}
    </Typography>
  </Flex>
);
