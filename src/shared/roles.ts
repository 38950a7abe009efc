/** The roles of the platform, shared by the server's policies and the web app's navigation. */
export const ROLES = [
  'citizen',
  'counter_officer',
  'processing_officer',
  'leader',
  'inspector',
  'home_affairs',
  'admin',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
