// An application signing in through Soglia with openid-client (a certified OpenID Connect relying party library),
// as its documentation shows, driven by OpenIdClientInteropIT:
//   1. discovery from the issuer, PKCE (S256), state and nonce; prints {"authorizationUrl": ...} on one line;
//   2. reads the URL the browser was sent back to (redirect_uri?code=...&state=...&iss=...) from standard input;
//   3. redeems the code (client_secret_basic or client_secret_post), which checks the ID token's signature against
//      the provider's JWKS and its claims (iss, aud, exp, iat, nonce), then asks the UserInfo endpoint;
//      prints {"claims": ..., "userinfo": ..., ...} on one line.
// Settings from the environment: SOGLIA_ISSUER, SOGLIA_CLIENT_ID, SOGLIA_CLIENT_SECRET (not an argument: a process
// list shows arguments), SOGLIA_REDIRECT_URI, SOGLIA_CLIENT_AUTH (basic or post). Any failure: the message on
// standard error and exit code 1.
import * as oidc from 'openid-client';
import { createInterface } from 'node:readline';

function setting(name) {
    const value = process.env[name];
    if (!value) {
        throw new Error(`missing environment variable ${name}`);
    }
    return value;
}

async function firstLineOfStandardInput() {
    const lines = createInterface({ input: process.stdin });
    for await (const line of lines) {
        lines.close();
        return line.trim();
    }
    throw new Error('standard input ended before the callback URL');
}

async function main() {
    const issuer = new URL(setting('SOGLIA_ISSUER'));
    const clientId = setting('SOGLIA_CLIENT_ID');
    const secret = setting('SOGLIA_CLIENT_SECRET');
    const redirectUri = setting('SOGLIA_REDIRECT_URI');
    const method = setting('SOGLIA_CLIENT_AUTH');
    const authentication = { basic: oidc.ClientSecretBasic, post: oidc.ClientSecretPost }[method];
    if (!authentication) {
        throw new Error(`SOGLIA_CLIENT_AUTH must be basic or post, not ${method}`);
    }
    // http is refused by default; the tests' Soglia answers on http://127.0.0.1 only
    const config = await oidc.discovery(issuer, clientId, secret, authentication(secret),
        { execute: [oidc.allowInsecureRequests] });

    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const authorizationUrl = oidc.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: 'openid profile email',
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
    });
    console.log(JSON.stringify({ authorizationUrl: authorizationUrl.href }));

    const callback = new URL(await firstLineOfStandardInput());
    const tokens = await oidc.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: codeVerifier,
        expectedState: state,
        expectedNonce: nonce,
        idTokenExpected: true,
    });
    const claims = tokens.claims();
    const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
    console.log(JSON.stringify({
        tokenType: tokens.token_type,
        expiresIn: tokens.expires_in,
        scope: tokens.scope ?? null,
        refreshToken: tokens.refresh_token ?? null,
        claims,
        userinfo,
    }));
}

main().catch(async (error) => {
    // what the library says, and what the server answered (an OAuth error such as invalid_client is in the body)
    let body = '';
    try {
        body = error.response ? await error.response.text() : '';
    } catch {
        body = '(body already read)';
    }
    console.error(`openid-client: ${error.name}: ${error.message}${error.code ? ` (${error.code})` : ''}`
        + `${error.status ? `; HTTP ${error.status}` : ''}${error.error ? `; error ${error.error}` : ''}`
        + `${error.cause ? `; cause: ${JSON.stringify(error.cause)}` : ''}${body ? `; body: ${body}` : ''}`);
    process.exit(1);
});
