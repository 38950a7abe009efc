/**
 * Sign-in through a national SSO (OpenID Connect, authorization code + PKCE): the flow's rules.
 * The routes (oidc.ts) only parse, call these and answer.
 *
 * The flow is bound to the browser that started it: /start gives the browser a short-lived httpOnly
 * cookie holding the hash of the flow's `state`, and /callback refuses a state that browser did not
 * start. Without it an attacker could start a flow, sign in at the provider as himself, and have a
 * victim open the callback link: the victim would be signed into the attacker's account.
 */
import * as client from 'openid-client';
import type { Config } from '../../config.js';
import type { AppContext } from '../../context.js';
import { safeEqual, sha256 } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import * as repo from './auth.repo.js';
import { loginWithOidc, type SessionResult } from './auth.service.js';

type OidcSettings = NonNullable<Config['oidc']>;

/** How long a started flow (its row and its browser cookie) stays valid. */
export const OIDC_FLOW_MINUTES = 15;

/** The provider's configuration, discovered once per settings (and again after a failure). */
const discoveries = new WeakMap<OidcSettings, Promise<client.Configuration>>();
function providerOf(settings: OidcSettings): Promise<client.Configuration> {
  let discovered = discoveries.get(settings);
  if (!discovered) {
    discovered = client
      .discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, undefined, {
        // Plain http only for a development provider: a production server refuses such an issuer at start.
        execute: settings.issuer.startsWith('http://') ? [client.allowInsecureRequests] : [],
      })
      .catch((err: unknown) => {
        discoveries.delete(settings);
        throw new AppError('UNAVAILABLE', `Không kết nối được máy chủ định danh: ${(err as Error).message}`);
      });
    discoveries.set(settings, discovered);
  }
  return discovered;
}

const settingsOf = (ctx: AppContext): OidcSettings => {
  if (!ctx.config.oidc) throw new AppError('ROUTE_NOT_FOUND', 'Đăng nhập SSO chưa được cấu hình.');
  return ctx.config.oidc;
};

/** What the browser keeps between /start and /callback: the hash of the state, never the state. */
export const browserBindingOf = (state: string): string => sha256(`oidc-state|${state}`);

/** Start a flow: where to send the browser, and the binding to set in its cookie. */
export async function startOidcSignIn(ctx: AppContext): Promise<{ authorizationUrl: string; binding: string }> {
  const settings = settingsOf(ctx);
  const provider = await providerOf(settings);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  await repo.insertOidcFlow(ctx.db, { state, codeVerifier, nonce }, OIDC_FLOW_MINUTES);
  const url = client.buildAuthorizationUrl(provider, {
    redirect_uri: settings.redirectUri,
    scope: 'openid profile email',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { authorizationUrl: url.href, binding: browserBindingOf(state) };
}

export interface OidcCallback {
  /** The callback's query string as the provider sent it (`?code=…&state=…&iss=…`). */
  search: string;
  state: string | undefined;
  /** The binding from the browser's cookie, if it sent one. */
  binding: string | undefined;
}

/** Finish a flow started by this browser: redeem the code, then open a session for the person. */
export async function finishOidcSignIn(ctx: AppContext, cb: OidcCallback, meta: { ip?: string; userAgent?: string }): Promise<SessionResult> {
  const settings = settingsOf(ctx);
  if (!cb.state) throw new AppError('BAD_REQUEST', 'Phiên đăng nhập SSO không hợp lệ hoặc đã hết hạn.');
  // Checked before the flow is taken: a link opened in another browser does not use up the flow.
  if (!cb.binding || !safeEqual(cb.binding, browserBindingOf(cb.state))) {
    throw new AppError('OIDC_STATE_MISMATCH', 'Phiên đăng nhập SSO không được bắt đầu từ trình duyệt này. Vui lòng đăng nhập lại từ đầu.');
  }
  const provider = await providerOf(settings);
  const flow = await repo.takeOidcFlow(ctx.db, cb.state, OIDC_FLOW_MINUTES);
  if (!flow) throw new AppError('BAD_REQUEST', 'Phiên đăng nhập SSO không hợp lệ hoặc đã hết hạn.');
  // The provider redirected to our redirect URI: read its answer there, whatever path spelling reached us.
  const current = new URL(settings.redirectUri);
  current.search = cb.search;
  let claims: client.IDToken | undefined;
  let userInfo: client.UserInfoResponse | undefined;
  try {
    const tokens = await client.authorizationCodeGrant(provider, current, {
      pkceCodeVerifier: flow.codeVerifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
    });
    claims = tokens.claims();
    // OIDC Core §5.4: with response_type=code, profile/email claims come from the UserInfo
    // endpoint, not the ID token. fetchUserInfo checks its `sub` against the ID token's.
    if (claims && provider.serverMetadata().userinfo_endpoint) userInfo = await client.fetchUserInfo(provider, tokens.access_token, claims.sub);
  } catch (err) {
    throw new AppError('UNAUTHENTICATED', `Đăng nhập SSO thất bại: ${(err as Error).message}`);
  }
  if (!claims) throw new AppError('UNAUTHENTICATED', 'Máy chủ định danh không trả về ID token.');
  const claim = (name: string): string | undefined => {
    const value = userInfo?.[name] ?? claims[name];
    return typeof value === 'string' && value ? value : undefined;
  };
  return loginWithOidc(
    ctx,
    { iss: claims.iss, sub: claims.sub, name: claim('name'), email: claim('email'), preferred_username: claim('preferred_username') },
    meta,
  );
}
