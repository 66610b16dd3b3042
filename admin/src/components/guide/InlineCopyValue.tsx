import { Box, Flex, Typography } from '@strapi/design-system';
import { CopyButton } from '../common/CopyButton';

/** A value to paste into the identity provider, shown as code with a copy button beside it. */
export const InlineCopyValue = ({ value, copyLabel }: { value: string; copyLabel: string }) => (
  <Flex gap={1} alignItems="center">
    <Box
      background="neutral100"
      borderColor="neutral200"
      hasRadius
      paddingTop={1}
      paddingBottom={1}
      paddingLeft={2}
      paddingRight={2}
    >
      <Typography tag="code" variant="omega" style={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
        {value}
      </Typography>
    </Box>
    <CopyButton iconOnly value={value} label={copyLabel} />
  </Flex>
);
