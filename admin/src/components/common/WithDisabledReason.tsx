import { Tooltip, Typography } from '@strapi/design-system';
import type { ReactNode } from 'react';

/**
 * Shows why a control is disabled in a tooltip. Disabled buttons receive no pointer events, so the tooltip
 * hangs on a wrapping span that can be hovered and focused.
 */
export const WithDisabledReason = ({ reason, children }: { reason?: string; children: ReactNode }) => {
  if (!reason) return <>{children}</>;
  return (
    <Tooltip label={reason}>
      <span tabIndex={0} style={{ display: 'inline-flex' }}>
        {children}
      </span>
    </Tooltip>
  );
};

/** The same reason as a line under the control, for readers who do not hover. */
export const DisabledReasonNote = ({ reason }: { reason?: string }) =>
  reason ? (
    <Typography variant="pi" textColor="neutral600">
      {reason}
    </Typography>
  ) : null;
