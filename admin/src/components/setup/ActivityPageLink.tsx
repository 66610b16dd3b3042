import { Link } from '@strapi/design-system';
import type { ReactNode } from 'react';
import { NavLink } from 'react-router-dom';
import { PLUGIN_ID } from '../../pluginId';

/** Absolute, like the guide's link to the General page: it resolves under the admin's basename. */
export const ACTIVITY_PAGE_PATH = `/settings/${PLUGIN_ID}/activity`;

export const ActivityPageLink = ({ children }: { children: ReactNode }) => (
  <Link tag={NavLink} to={ACTIVITY_PAGE_PATH}>
    {children}
  </Link>
);
