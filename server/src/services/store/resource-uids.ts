/** The content types of provisioned resources, on their own so that SQL builders can name them without a cycle. */
export const SCIM_USER_UID = 'plugin::scim.scim-user';
export const SCIM_GROUP_UID = 'plugin::scim.scim-group';
export const SCIM_MEMBERSHIP_UID = 'plugin::scim.scim-membership';
