import { Box, Flex, Typography } from '@strapi/design-system';
import type { ReactNode } from 'react';

interface SectionCardProps {
  title: string;
  description?: ReactNode;
  /** Rendered at the top right, e.g. an "Add" button. */
  action?: ReactNode;
  children?: ReactNode;
}

/** The white, shadowed block Strapi's settings pages group their fields in. */
export const SectionCard = ({ title, description, action, children }: SectionCardProps) => (
  <Box tag="section" background="neutral0" padding={6} shadow="filterShadow" hasRadius aria-label={title}>
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex justifyContent="space-between" alignItems="flex-start" gap={4}>
        <Flex direction="column" alignItems="stretch" gap={1}>
          <Typography variant="delta" tag="h2">
            {title}
          </Typography>
          {description ? (
            <Typography variant="pi" textColor="neutral600">
              {description}
            </Typography>
          ) : null}
        </Flex>
        {action}
      </Flex>
      {children}
    </Flex>
  </Box>
);
