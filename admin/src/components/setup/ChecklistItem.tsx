import { Flex, Typography } from '@strapi/design-system';
import { CheckCircle, WarningCircle } from '@strapi/icons';
import type { ReactNode } from 'react';

interface ChecklistItemProps {
  done: boolean;
  label: string;
  children: ReactNode;
}

/** One line of the setup checklist: done (green check) or still to do (warning), its label and its state. */
export const ChecklistItem = ({ done, label, children }: ChecklistItemProps) => (
  <Flex tag="li" gap={2} alignItems="center" aria-label={label} data-done={done}>
    {done ? <CheckCircle fill="success600" aria-hidden /> : <WarningCircle fill="warning600" aria-hidden />}
    <Typography fontWeight="semiBold">{label}</Typography>
    <Typography textColor="neutral600">{children}</Typography>
  </Flex>
);
