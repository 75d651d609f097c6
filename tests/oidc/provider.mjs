// A real OpenID provider (the npm package oidc-provider) for the single sign-on tests.
//
//   node provider.mjs   with OIDC_PORT, OIDC_CLIENT (JSON: client_id, client_secret,
//   redirect_uris) and OIDC_ACCOUNTS (JSON: sub -> {email, email_verified, amr, acr}).
//
// The sign-in page is a form with one field, `login` (the account's sub): the test posts it.
// Listens on 127.0.0.1 only and prints "ready <issuer>" when it accepts connections.
import http from 'node:http';
import { URLSearchParams } from 'node:url';

import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_PORT);
const issuer = `http://127.0.0.1:${port}`;
const client = JSON.parse(process.env.OIDC_CLIENT);
const accounts = JSON.parse(process.env.OIDC_ACCOUNTS);

const provider = new Provider(issuer, {
  clients: [{
    ...client,
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
  }],
  claims: {
    acr: null, amr: null, auth_time: null, sid: null,
    openid: ['sub'], email: ['email', 'email_verified'], profile: ['given_name', 'family_name'],
  },
  acrValues: ['urn:test:loa:low', 'urn:test:loa:substantial'],
  cookies: { keys: ['test-only-cookie-key'] },
  features: { devInteractions: { enabled: false }, claimsParameter: { enabled: true } },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(ctx, id) {
    const account = accounts[id];
    if (!account) return undefined;
    return {
      accountId: id,
      async claims() {
        return {
          sub: id, email: account.email, email_verified: account.email_verified,
          given_name: account.given_name, family_name: account.family_name,
        };
      },
    };
  },
});

function readBody(req) {
  return new Promise((resolve, reject) => {
    let data = '';
    req.on('data', (chunk) => { data += chunk; });
    req.on('end', () => resolve(new URLSearchParams(data)));
    req.on('error', reject);
  });
}

const handler = provider.callback();
const server = http.createServer(async (req, res) => {
  try {
    const match = req.url.match(/^\/interaction\/([^/?]+)(\/login)?/);
    if (!match) return handler(req, res);
    const details = await provider.interactionDetails(req, res);
    if (req.method === 'GET') {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      return res.end(`<form method="post" action="/interaction/${details.uid}/login">`
        + '<input name="login"><button>Sign in</button></form>');
    }
    const login = (await readBody(req)).get('login');
    const account = accounts[login];
    if (!account) {
      res.statusCode = 400;
      return res.end('unknown account');
    }
    const grant = new provider.Grant({ accountId: login, clientId: details.params.client_id });
    grant.addOIDCScope(details.params.scope);
    const grantId = await grant.save();
    const result = {
      login: { accountId: login, amr: account.amr, acr: account.acr },
      consent: { grantId },
    };
    return provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
  } catch (error) {
    res.statusCode = 500;
    res.end(String(error));
  }
});

server.listen(port, '127.0.0.1', () => {
  console.log(`ready ${issuer}`);
});
