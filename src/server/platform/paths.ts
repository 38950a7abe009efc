/**
 * What a request is routed as, not what its raw URL starts with: the router percent-decodes the
 * path before matching (`/%61pi/v1/meta` reaches `/api/v1/meta`), so a decision taken on
 * `req.url` (authentication, the API header set, the web app's fallback) can be walked around
 * with an encoding. Decide on the matched route's pattern, or for an unmatched request on its
 * decoded path.
 */
import type { FastifyRequest } from 'fastify';

/** The path part of a raw URL, percent-decoded (left as it is when it does not decode). */
export function normalisedPath(url: string): string {
  const raw = url.split(/[?#]/, 1)[0];
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** The matched route's pattern (`/api/v1/dossiers/:code`), or the decoded path of an unmatched request. */
export const routePath = (req: FastifyRequest): string => req.routeOptions.url ?? normalisedPath(req.url);

/** A path the API answers: `/api` and below. */
export const isApiPath = (path: string): boolean => path === '/api' || path.startsWith('/api/');
