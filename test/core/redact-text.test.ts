import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../core/src/redact.js';
import { clip, redactText, secretsInText } from '../../core/src/redact/text.js';

const redact = (s: string, secrets: string[] = []) => createRedactor({ values: secrets }).text(s);

describe('redacting free text (command output, logs) before it is written', () => {
  it.each([
    // key names, in JSON, JSON inside a string, code, env assignments, YAML
    ['{"id":"1","authToken":"abc123def456"}', '{"id":"1","authToken":"[REDACTED]"}'],
    ['{"params":"{\\"token\\":\\"abc123def456\\"}"}', '{"params":"{\\"token\\":\\"[REDACTED]\\"}"}'],
    ["config = { apiKey: 'abc123def456' }", "config = { apiKey: '[REDACTED]' }"],
    ['TOKEN=abc123def456 node daemon.js', 'TOKEN=[REDACTED] node daemon.js'],
    ['password: hunter2hunter2', 'password: [REDACTED]'],
    ['{"access_token":"at-1","client_secret":"cs-2","x-api-key":"xk-3"}', '{"access_token":"[REDACTED]","client_secret":"[REDACTED]","x-api-key":"[REDACTED]"}'],
    ['GITHUB_TOKEN=gt-123456 DB_PASSWORD="db pass" npm test', 'GITHUB_TOKEN=[REDACTED] DB_PASSWORD="[REDACTED]" npm test'],
    ['private_key: pk-1; sessionToken=st-2 & session_id=sid-3', 'private_key: [REDACTED]; sessionToken=[REDACTED] & session_id=[REDACTED]'],
    ["$opts = ['password' => 'p4ss-php']", "$opts = ['password' => '[REDACTED]']"],
    ['export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI', 'export AWS_SECRET_ACCESS_KEY=[REDACTED]'],
    // header lines: the whole value
    ['Authorization: Basic dXNlcjpwYXNzd29yZA==', 'Authorization: [REDACTED]'],
    ['> Cookie: sid=abc123; theme=dark\n> Accept: */*', '> Cookie: [REDACTED]\n> Accept: */*'],
    ['< Set-Cookie: session_id=s3cr3t; Path=/; HttpOnly', '< Set-Cookie: [REDACTED]'],
    ['X-Api-Key: xak-998877', 'X-Api-Key: [REDACTED]'],
    ['curl -H "Authorization: Bearer abcdefgh12345678" https://x', 'curl -H "Authorization: [REDACTED]" https://x'],
    ["curl -H 'X-Api-Key: key-12345' https://x", "curl -H 'X-Api-Key: [REDACTED]' https://x"],
    // flags
    ['cowork --auth-token abc123def456 status', 'cowork --auth-token [REDACTED] status'],
    ['cowork --token=abc123def456', 'cowork --token=[REDACTED]'],
    ['psql --db-password hunter22 --host db', 'psql --db-password [REDACTED] --host db'],
    ["psql --db-password='two words' --host db", "psql --db-password='[REDACTED]' --host db"],
    // URLs: userinfo and query parameters
    ['cloning https://deploy:pa55w0rd@git.example.com/app.git', 'cloning https://deploy:[REDACTED]@git.example.com/app.git'],
    ['DATABASE_URL=postgres://app:db-s3cret@localhost:5432/app', 'DATABASE_URL=postgres://app:[REDACTED]@localhost:5432/app'],
    ['GET /cb?code=1&access_token=at-777&state=x', 'GET /cb?code=1&access_token=[REDACTED]&state=x'],
    // basic auth arguments
    ['curl -u admin:adm1n-pw https://x', 'curl -u admin:[REDACTED] https://x'],
    ['curl --user "admin:two words" https://x', 'curl --user "admin:[REDACTED]" https://x'],
    ['curl -uadmin:adm1n-pw https://x', 'curl -uadmin:[REDACTED] https://x'],
    // token shapes under innocent names
    [`note: ghp_${'a'.repeat(36)}`, 'note: [REDACTED]'],
    ['jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.dGhpc2lzYXNpZ25hdHVyZQ', 'jwt [REDACTED]'],
    ['sent Bearer abcdefgh12345678 to the daemon', 'sent Bearer [REDACTED] to the daemon'],
    ['-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----', '[REDACTED]'],
  ])('%s', (input, output) => {
    expect(redact(input)).toBe(output);
  });

  it.each([
    'tokens: 412 used\nmax_tokens 1000\n42 passed, 0 failed\nno secret in this line',
    // numbers and booleans are not secrets
    'token_count=12 auth=true password: null',
    '{"maxTokens":4096,"tokenizer":"bpe","author":"Ann","authority":"ca","oauth_url":"https://auth.example.com/authorize"}',
    // names about a secret
    'token_type=bearer token_file=/run/auth.token password_env=DB_PASSWORD',
    // a camelCase session id is a resource id
    '{"sessionId":"s-5d914d46"}',
    // uid:gid, a URL without a password, a user-agent
    'docker run -u 1000:1000 img; git clone https://github.com/o/r.git; curl --user-agent "x/1.0 (y)" https://x',
    'Basic usage: run cutover --help',
    'sort -u names.txt',
    'the --no-password flag, then --verbose',
    'comparison: a == b, x := y, see https://example.com:8443/path',
  ])('leaves this alone: %s', (text) => {
    expect(redact(text)).toBe(text);
  });

  it('is idempotent: redacting twice changes nothing more', () => {
    const text = 'Authorization: Bearer abcdefgh12345678\ncurl -u a:b-pass https://u:p-pass@h "--token=x-1234" {"password":"x"}';
    const once = redact(text);
    expect(redact(once)).toBe(once);
  });

  it('keeps a JSON document valid when its text is redacted', () => {
    const doc = JSON.stringify({ a: 'Authorization: Bearer abcdefgh12345678 "quoted" more', b: { password: 'x"y' }, c: 'u https://a:b-secret@h/x', token: { file: 'f' } }, null, 2);
    const out = redact(doc);
    expect(() => JSON.parse(out)).not.toThrow();
    expect(out).not.toContain('abcdefgh12345678');
    expect(out).not.toContain('b-secret');
    expect(JSON.parse(out).b.password).toBe('[REDACTED]');
  });

  it('scrubs a registered secret wherever it appears, and well-known token shapes', () => {
    const gh = `ghp_${'x'.repeat(36)}`;
    expect(redact(`read 0f0f0f0f0f0f from auth.token; pushing with ${gh}`, ['0f0f0f0f0f0f'])).toBe('read [REDACTED] from auth.token; pushing with [REDACTED]');
  });

  it('scrubs the longer of two registered secrets whole, and their JSON-escaped and URL-encoded forms', () => {
    createRedactor({ values: ['abcd1234', 'abcd1234efgh', 'quo"te\\back'] });
    expect(redactText('x abcd1234efgh y abcd1234 z')).toBe('x [REDACTED] y [REDACTED] z');
    expect(redactText(JSON.stringify({ note: 'quo"te\\back' }))).toBe('{"note":"[REDACTED]"}');
    createRedactor({ values: ['p@ss/w0rd'] });
    expect(redactText('?x=p%40ss%2Fw0rd')).toBe('?x=[REDACTED]');
  });

  it('finds the secrets a command line or a config string holds', () => {
    const found = secretsInText('curl -u me:pw-1 -H "X-Api-Key: xk-2" https://u:pw-3@h?token=t-4 --db-password pw-5');
    expect(found.sort()).toEqual(['pw-1', 'pw-3', 'pw-5', 't-4', 'xk-2']);
  });
});

describe('rule order', () => {
  it('a registered value that is also part of a key name does not hide the key from its rule', () => {
    createRedactor({ values: ['secret'] });
    expect(redactText('client_secret=cs-9911 and a secret')).toBe('client_[REDACTED]=[REDACTED] and a [REDACTED]');
  });
});

describe('clip: quoting the start of a text in a message', () => {
  it('redacts before it cuts, so the part of a secret before the cut does not stay', () => {
    createRedactor({ values: ['clip-secret-0123456789'] });
    const text = `${'x'.repeat(190)} clip-secret-0123456789 more`;
    expect(clip(text, 200)).toBe(`${'x'.repeat(190)} [REDACTED…`);
    expect(clip(text, 200)).not.toContain('clip-sec');
    expect(clip('short', 200)).toBe('short');
  });
});

describe('messages that name a JSON path', () => {
  it('a path followed by prose is not a key and its value; a quoted or uppercase value still is', () => {
    expect(redactText('canary: changed value at result.token_expires_in: expected 1, got 2')).toBe('canary: changed value at result.token_expires_in: expected 1, got 2');
    expect(redactText('spring.datasource.password=pw-1 and db.password: "pw-2"')).toBe('spring.datasource.password=[REDACTED] and db.password: "[REDACTED]"');
  });
});

describe('a dotted key with a plain value', () => {
  it('is still a key and its value', () => {
    expect(redactText('db.password: hunter22')).toBe('db.password: [REDACTED]');
  });
});

describe('a label followed by a sentence', () => {
  it('is prose, not a key and its value; a value with a digit or at the end of the line is still one', () => {
    const prose = 'auth: a request without a token was served\nauth: connection no-token, never authenticated';
    expect(redactText(prose)).toBe(prose);
    expect(redactText('password: hunter2 for the db\ntoken: abcdefgh\napi_key: letters,')).toBe('password: [REDACTED] for the db\ntoken: [REDACTED]\napi_key: [REDACTED],');
  });
});

describe('well-known token shapes', () => {
  it.each([
    `ghp_${'A1'.repeat(18)}`,
    `github_pat_${'a1B2'.repeat(10)}`,
    `glpat-${'x9'.repeat(10)}`,
    `sk-proj-${'Ab3'.repeat(8)}`,
    `sk_live_${'Zz9'.repeat(6)}`,
    `xoxb-1234567890-abcdef`,
    'AKIAIOSFODNN7EXAMPLE',
    `AIza${'S'.repeat(35)}`,
    `npm_${'n4'.repeat(18)}`,
    'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.dGhpc2lzYXNpZ25hdHVyZQ',
  ])('%s', (token) => {
    expect(redactText(`value ${token} end`)).toBe('value [REDACTED] end');
  });

  it.each(['task-0123456789abcdefghijkl', 'risk_live_summary', 'AKIA is a prefix', 'eyJ alone', 'npm_config_cache=/x', 'ghp_short'])('leaves %s alone', (text) => {
    expect(redactText(text)).toBe(text);
  });
});
