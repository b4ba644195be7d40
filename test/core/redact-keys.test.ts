import { describe, expect, it } from 'vitest';
import { compileNameRules, isSecretName, keyWords } from '../../core/src/redact/keys.js';

describe('secret key names, matched by their words', () => {
  it('splits names by case and separators', () => {
    expect(keyWords('x-api-Key')).toEqual(['x', 'api', 'key']);
    expect(keyWords('GITHUB_TOKEN')).toEqual(['github', 'token']);
    expect(keyWords('sessionToken')).toEqual(['session', 'token']);
    expect(keyWords('XMLHttpRequest')).toEqual(['xml', 'http', 'request']);
  });

  it.each([
    'access_token', 'accessToken', 'ACCESS-TOKEN', 'client_secret', 'clientSecret', 'x-api-key', 'apiKey', 'APIKEY',
    'cookie', 'Set-Cookie', 'cookies', 'GITHUB_TOKEN', 'DB_PASSWORD', 'dbPassword', 'passwd', 'DB_PWD', 'user_pwd',
    'private_key', 'privateKey', 'sessionToken', 'session_id', 'SESSION-ID', 'sessionid', 'PHPSESSID', 'JSESSIONID',
    'authorization', 'Proxy-Authorization', 'auth', 'authToken', 'x-auth', 'basicAuth', 'credentials', 'aws_secret_access_key',
    'webhook_secret', 'secrets', 'passphrase', 'pass_phrase', 'csrftoken', 'id_token', 'refresh_token_expires_in',
  ])('%s is secret', (name) => {
    expect(isSecretName(name)).toBe(true);
  });

  it.each([
    // words that contain a secret word but are not one
    'tokenizer', 'tokens', 'maxTokens', 'max_tokens', 'author', 'authors', 'authority', 'XAUTHORITY', 'authenticated', 'secretary',
    'oauth', 'oauth_url', 'OAuthUrl', 'public_key', 'key', 'pass', 'GIT_ASKPASS',
    // the shell's working directories
    'PWD', 'OLDPWD',
    // names about a secret, not the secret
    'token_type', 'tokenType', 'token_count', 'password_file', 'auth_url', 'authMethod', 'cookie_name', 'private_key_path', 'SSH_AUTH_SOCK', 'token_env',
    // a protocol's resource id in camelCase
    'sessionId', 'SessionId',
    // ordinary names
    'id', 'title', 'command', 'params', 'content', 'count',
  ])('%s is not secret', (name) => {
    expect(isSecretName(name)).toBe(false);
  });

  it('adds the config names (plain, compared by words, or /regex/) and keeps the never-secret ones', () => {
    const isSecret = compileNameRules({ extra: ['team-pin', '/^x-.*-sig$/'], keep: ['session_id'] });
    expect(isSecret('teamPin')).toBe(true);
    expect(isSecret('TEAM_PIN')).toBe(true);
    expect(isSecret('x-hook-sig')).toBe(true);
    expect(isSecret('X-Hook-Sig')).toBe(true);
    expect(isSecret('session_id')).toBe(false);
    expect(isSecret('SESSION-ID')).toBe(false);
    expect(isSecret('password')).toBe(true);
    expect(isSecret('team')).toBe(false);
  });
});
