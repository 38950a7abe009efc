/** What the policy-matrix tables share: the row shape, the role groups and small request helpers. */
import { ROLES, type Role } from './platform/principal.js';
import * as f from './policy-matrix.test-support.js';
import type { Who, World } from './policy-matrix.test-support.js';

export type Expect = '2xx' | 400 | 401 | 403 | 404 | 409 | 422;
export interface Call {
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
  /** Make the call as this caller instead (a fresh session of the same role and side). */
  by?: Who;
}
export interface Row {
  allow: readonly Role[];
  req?: (w: World, who: Who) => Call | Promise<Call>;
  /** What an allowed caller gets (default 2xx), for the rare success that depends on the day. */
  ok?: (w: World) => Expect;
  deny?: Expect;
  as?: Partial<Record<Role, Expect>>;
  foreign?: Expect | { agency: Expect; province: Expect };
  token?: Expect;
  /** Build the request for every caller (default: only for those expected to succeed; the others share one). */
  perCaller?: boolean;
}

// Role groups: adding a role to the platform means adding it to the groups (and rows) it belongs to.
export const ALL = ROLES;
export const STAFF: Role[] = ['counter_officer', 'processing_officer', 'leader', 'inspector', 'home_affairs', 'admin', 'auditor'];
export const ADMIN: Role[] = ['admin'];
export const AUDIT: Role[] = ['auditor', 'admin'];
export const HR: Role[] = ['home_affairs', 'admin'];
export const HR_READ: Role[] = ['leader', 'home_affairs', 'admin'];
export const DOSSIER_READ: Role[] = ['counter_officer', 'processing_officer', 'leader', 'inspector'];
export const CONDUCT_READ: Role[] = ['home_affairs', 'inspector', 'leader'];
export const REVIEW: Role[] = ['leader', 'home_affairs'];
export const MANAGE: Role[] = ['home_affairs'];

export const url = (u: string, payload?: unknown): Call => ({ url: u, payload });
export const C = '/api/v1/conduct';
export const W = '/api/v1/workforce';
export const year = Number(f.today().slice(0, 4));
/** Calls that refer to my agency in their query or body: a foreign member gets 404. */
export const MINE = 404;
