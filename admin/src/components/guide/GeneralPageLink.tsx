import { Link } from '@strapi/design-system';
import type { ReactNode } from 'react';
import { NavLink } from 'react-router-dom';
import { PLUGIN_ID } from '../../pluginId';

/** Absolute paths resolve under the admin's basename (/admin), whatever the current route nesting. */
export const GENERAL_PAGE_PATH = `/settings/${PLUGIN_ID}/general`;

export const GeneralPageLink = ({ children }: { children: ReactNode }) => (
  <Link tag={NavLink} to={GENERAL_PAGE_PATH}>
    {children}
  </Link>
);
