import { Box, Flex, Typography } from '@strapi/design-system';
import type { ReactNode } from 'react';

interface GuideStepProps {
  number: number;
  title: string;
  children: ReactNode;
}

/** One numbered step of a setup guide; the numbers are drawn, the list itself stays an ordered list. */
export const GuideStep = ({ number, title, children }: GuideStepProps) => (
  <Box tag="li" style={{ listStyle: 'none' }}>
    <Flex gap={4} alignItems="flex-start">
      <Flex
        background="primary100"
        color="primary600"
        hasRadius
        width="3.2rem"
        height="3.2rem"
        shrink={0}
        justifyContent="center"
        aria-hidden
      >
        <Typography fontWeight="bold" textColor="primary600">
          {number}
        </Typography>
      </Flex>
      <Flex direction="column" alignItems="stretch" gap={2} paddingTop={1} flex={1}>
        <Typography variant="delta" tag="h3">
          {title}
        </Typography>
        {children}
      </Flex>
    </Flex>
  </Box>
);

export const GuideSteps = ({ children }: { children: ReactNode }) => (
  <Box tag="ol" padding={0} margin={0}>
    <Flex direction="column" alignItems="stretch" gap={6}>
      {children}
    </Flex>
  </Box>
);
