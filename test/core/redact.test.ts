import { describe, expect, it } from 'vitest';
import { createRedactor, learnSecrets, REDACTED, redactText, redactValue, registerSecret, registerSecretNames } from '../../core/src/redact.js';

describe('redaction', () => {
  it('redacts secret keys at any depth and known secret values wherever they appear', () => {
    const r = createRedactor({ keys: ['/^x-team-/'], values: ['f00dcafe1234'] });
    const out = r.value({
      id: '1',
      authToken: 'abc',
      params: { nested: [{ password: 'p', note: 'token is f00dcafe1234 here' }], 'x-team-pin': 'k' },
      empty: { token: '' },
    });
    expect(out).toEqual({
      id: '1',
      authToken: REDACTED,
      params: { nested: [{ password: REDACTED, note: `token is ${REDACTED} here` }], 'x-team-pin': REDACTED },
      empty: { token: '' },
    });
  });

  it('catches well-known token shapes under innocent keys, and secrets learnt at run time', () => {
    const r = createRedactor();
    r.addSecret('0123456789abcdef0123');
    const text = r.text('sent Bearer abcdefghijklmnopqrstuvwx\ngh token ghp_' + 'a'.repeat(36) + ' and 0123456789abcdef0123');
    expect(text).toBe(`sent Bearer ${REDACTED}\ngh token ${REDACTED} and ${REDACTED}`);
  });

  it('knows a secret registered by one part in every other part of the process', () => {
    const harnessSide = createRedactor();
    const matrixSide = createRedactor();
    harnessSide.addSecret('shared-4c1d2e');
    expect(matrixSide.text('echo shared-4c1d2e')).toBe(`echo ${REDACTED}`);
    expect(redactText('shared-4c1d2e')).toBe(REDACTED);
  });

  it('leaves ordinary data alone', () => {
    const r = createRedactor();
    const data = { command: 'agent_list_sessions', params: { sessionId: 's-1', count: 3 } };
    expect(r.value(data)).toEqual(data);
  });
});

describe('redacting JSON values', () => {
  it('redacts strings under secret names, not numbers, booleans or null', () => {
    const data = {
      access_token: 'at', client_secret: 'cs', 'x-api-key': 'xk', cookie: 'c=1', 'set-cookie': ['a=1', 'b=2'], GITHUB_TOKEN: 'gt', DB_PASSWORD: 'dp',
      private_key: 'pk', sessionToken: 'st', session_id: 'si', token_count: 12, maxTokens: 100, authenticated: true, password: null, tokenizer: 'bpe',
    };
    expect(redactValue(data)).toEqual({
      access_token: REDACTED, client_secret: REDACTED, 'x-api-key': REDACTED, cookie: REDACTED, 'set-cookie': [REDACTED, REDACTED], GITHUB_TOKEN: REDACTED,
      DB_PASSWORD: REDACTED, private_key: REDACTED, sessionToken: REDACTED, session_id: REDACTED, token_count: 12, maxTokens: 100, authenticated: true,
      password: null, tokenizer: 'bpe',
    });
  });

  it('redacts every string in a secret-named object but the keys that describe the secret', () => {
    expect(redactValue({ credentials: { username: 'bob', password: 'pw', type: 'basic' }, token: { file: '{dataDir}/auth.token', env: 'API_TOKEN', field: 'authToken' } })).toEqual({
      credentials: { username: REDACTED, password: REDACTED, type: 'basic' },
      token: { file: '{dataDir}/auth.token', env: 'API_TOKEN', field: 'authToken' },
    });
  });

  it('keeps a $secret reference: it names a secret, it is not one', () => {
    const v = { apiKey: { $secret: 'API_KEY' }, nested: [{ password: { $secret: 'DB_PASSWORD' } }] };
    expect(redactValue(v)).toEqual(v);
  });

  it('redacts the argument after a secret-named flag or -u in an argv array', () => {
    expect(redactValue({ args: ['serve', '--db-password', 'pw-9', '--port', '80', '--token=t-9', '-u', 'me:pw-8', '-u', '1000:1000', '--no-auth', '--verbose'] })).toEqual({
      args: ['serve', '--db-password', REDACTED, '--port', '80', `--token=${REDACTED}`, '-u', `me:${REDACTED}`, '-u', '1000:1000', '--no-auth', '--verbose'],
    });
  });

  it('keeps a __proto__ key as data', () => {
    const v = JSON.parse('{"__proto__":{"x":1},"a":"b"}');
    const out = redactValue(v);
    expect(JSON.stringify(out)).toBe('{"__proto__":{"x":1},"a":"b"}');
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });

  it('gives valid JSON of the same shape, whatever the strings hold', () => {
    registerSecret('99887766');
    const v = { n: 99887766, s: 'id 99887766', q: 'He said "Authorization: Bearer abcdefgh12345678" \\ ok', list: [1, 'token=x', { password: 'a"b' }], u: 'https://a:b-pw@h' };
    const text = JSON.stringify(redactValue(v));
    const back = JSON.parse(text);
    expect(back.n).toBe(99887766);
    expect(back.s).toBe(`id ${REDACTED}`);
    expect(back.q).toBe(`He said "Authorization: ${REDACTED}" \\ ok`);
    expect(back.list).toEqual([1, `token=${REDACTED}`, { password: REDACTED }]);
    expect(back.u).toBe(`https://a:${REDACTED}@h`);
  });

  it('uses the config names: extra secret names and names that are never secret', () => {
    registerSecretNames({ extra: ['teamPin'], keep: ['session_id'] });
    expect(redactValue({ team_pin: 'tp', session_id: 's-1', token: 't' })).toEqual({ team_pin: REDACTED, session_id: 's-1', token: REDACTED });
  });
});

describe('learning secrets from data', () => {
  it('registers env values under secret names, flag arguments, URL passwords, basic auth and headers, not ordinary values', () => {
    learnSecrets({
      env: { DB_PASSWORD: 'learn-dbpw-1', LOG_LEVEL: 'debug-verbose-1' },
      command: ['serve', '--api-key', 'learn-key-2', '-u', 'me:learn-basic-3'],
      run: 'curl -H "X-Api-Key: learn-hdr-4" https://me:learn-url-5@h --client-secret=learn-flag-6',
    });
    const text = redactText('learn-dbpw-1 learn-key-2 learn-basic-3 learn-hdr-4 learn-url-5 learn-flag-6 debug-verbose-1');
    expect(text).toBe(`${Array(6).fill(REDACTED).join(' ')} debug-verbose-1`);
  });

  it('takes a plain word under a secret name in traffic for what it is, not for a secret', () => {
    learnSecrets({ auth: 'none', mode: { token: 'disabled' }, apiKey: 'k3y-from-traffic' }, 'learnt');
    expect(redactText('auth is none, token disabled, key k3y-from-traffic')).toBe(`auth is none, token disabled, key ${REDACTED}`);
  });
});

describe('JSON Schemas', () => {
  it('a schema node under a secret name describes the secret and stays as it is; a value object does not', () => {
    const manifest = { params: { type: 'object', properties: { password: { type: 'string', description: 'the user password', minLength: 8 }, token: { $ref: '#/definitions/Token' } } } };
    expect(redactValue(manifest)).toEqual(manifest);
    expect(redactValue({ token: { type: 'bearer', value: 'tv-1' } })).toEqual({ token: { type: 'bearer', value: REDACTED } });
  });
});
