import type { FastifyInstance } from 'fastify';
import * as client from 'openid-client';
import { Type } from 'typebox';
import type { Config } from '../../config.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../platform/errors.js';
import { setSessionCookie } from './auth.plugin.js';
import * as repo from './auth.repo.js';
import { loginWithOidc } from './auth.service.js';

type OidcSettings = NonNullable<Config['oidc']>;

/** Sign-in through a national SSO (OpenID Connect, authorization code + PKCE). */
export async function registerOidcRoutes(app: FastifyInstance, ctx: AppContext, settings: OidcSettings): Promise<void> {
  let discovered: Promise<client.Configuration> | undefined;
  const configuration = () => {
    discovered ??= client
      .discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, undefined, {
        execute: settings.issuer.startsWith('http://') ? [client.allowInsecureRequests] : [],
      })
      .catch((err: unknown) => {
        discovered = undefined;
        throw new AppError('UNAVAILABLE', `Không kết nối được máy chủ định danh: ${(err as Error).message}`);
      });
    return discovered;
  };

  app.get('/api/v1/auth/oidc/start', { schema: { tags: ['auth'], summary: 'Đăng nhập qua định danh quốc gia / Sign in with SSO' } }, async (_req, reply) => {
    const config = await configuration();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    await repo.insertOidcFlow(ctx.db, { state, codeVerifier, nonce });
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: settings.redirectUri,
      scope: 'openid profile email',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return reply.redirect(url.href, 303);
  });

  const CallbackQuery = Type.Object(
    {
      state: Type.Optional(Type.String({ maxLength: 200 })),
      code: Type.Optional(Type.String({ maxLength: 2000 })),
      iss: Type.Optional(Type.String({ maxLength: 500 })),
      error: Type.Optional(Type.String({ maxLength: 200 })),
      error_description: Type.Optional(Type.String({ maxLength: 1000 })),
      session_state: Type.Optional(Type.String({ maxLength: 500 })),
    },
    { additionalProperties: true },
  );
  app.get<{ Querystring: { state?: string } }>('/api/v1/auth/oidc/callback', { schema: { tags: ['auth'], summary: 'OIDC callback', querystring: CallbackQuery } }, async (req, reply) => {
    const config = await configuration();
    const flow = req.query.state ? await repo.takeOidcFlow(ctx.db, req.query.state) : undefined;
    if (!flow) throw new AppError('BAD_REQUEST', 'Phiên đăng nhập SSO không hợp lệ hoặc đã hết hạn.');
    const current = new URL(req.url, settings.redirectUri);
    let claims: client.IDToken | undefined;
    let userInfo: client.UserInfoResponse | undefined;
    try {
      const tokens = await client.authorizationCodeGrant(config, current, { pkceCodeVerifier: flow.codeVerifier, expectedState: flow.state, expectedNonce: flow.nonce });
      claims = tokens.claims();
      // OIDC Core §5.4: with response_type=code, profile/email claims come from the UserInfo
      // endpoint, not the ID token. fetchUserInfo checks its `sub` against the ID token's.
      if (claims && config.serverMetadata().userinfo_endpoint) userInfo = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
    } catch (err) {
      throw new AppError('UNAUTHENTICATED', `Đăng nhập SSO thất bại: ${(err as Error).message}`);
    }
    if (!claims) throw new AppError('UNAUTHENTICATED', 'Máy chủ định danh không trả về ID token.');
    const claim = (name: string): string | undefined => {
      const value = userInfo?.[name] ?? claims[name];
      return typeof value === 'string' && value ? value : undefined;
    };
    const { cookieToken } = await loginWithOidc(
      ctx,
      { iss: claims.iss, sub: claims.sub, name: claim('name'), email: claim('email'), preferred_username: claim('preferred_username') },
      { ip: req.ip, userAgent: req.headers['user-agent'] },
    );
    setSessionCookie(reply, cookieToken, ctx);
    return reply.redirect('/', 303);
  });
}
