/**
 * admin: everything, assigns second reviews; assessor: decides indicators; viewer: reads only.
 * Apart from the users table so the CLI can list the roles without loading the ORM.
 */
export const USER_ROLES = ['admin', 'assessor', 'viewer'] as const;
export type UserRole = (typeof USER_ROLES)[number];
