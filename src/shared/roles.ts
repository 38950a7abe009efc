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
  /** Edits the national holiday calendar; held on a national agency, granted by a national administrator. */
  'calendar_admin',
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/**
 * The code of the national level (an administrative unit and the `province_code` of national
 * agencies such as the Ministry of Home Affairs): in no province. Province codes are two digits.
 */
export const NATIONAL_CODE = 'VN';
