/** How many breadcrumbs a snapshot keeps (`privacy.breadcrumbs.max`): by default, and at the most. */
export const BREADCRUMBS_DEFAULT = 30;
export const BREADCRUMBS_MOST = 200;
