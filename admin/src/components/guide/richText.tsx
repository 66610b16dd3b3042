import { Typography } from '@strapi/design-system';
import type { ReactNode } from 'react';

/** Tags the guide's messages may use: <b> for labels of the identity provider's UI, <code> for literal values. */
export const richText = {
  b: (chunks: ReactNode[]) => (
    <Typography fontWeight="bold" textColor="neutral800">
      {chunks}
    </Typography>
  ),
  code: (chunks: ReactNode[]) => (
    <Typography tag="code" style={{ fontFamily: 'monospace' }} textColor="neutral800">
      {chunks}
    </Typography>
  ),
};
