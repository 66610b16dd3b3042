import { Flex, Grid, Typography } from '@strapi/design-system';
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

/** A DetailField in one half of the details grid (the whole width on small screens). */
export const DetailCell = ({ label, children }: { label: string; children?: ReactNode }) => (
  <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
    <DetailField label={label}>{children}</DetailField>
  </Grid.Item>
);
