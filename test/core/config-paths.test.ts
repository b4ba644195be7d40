import { describe, expect, it } from 'vitest';
import { resolvePaths } from '../../core/src/config/resolve-paths.js';

const schema = {
  type: 'object',
  properties: {
    out: { type: 'string', 'x-cutover-path': true },
    name: { type: 'string' },
    include: { type: 'array', items: { type: 'string' }, 'x-cutover-path': true },
    targets: {
      type: 'array',
      items: { $ref: '#/definitions/target' },
    },
  },
  definitions: {
    target: { type: 'object', properties: { socket: { type: 'string', 'x-cutover-path': true } } },
  },
};

describe('paths in a config', () => {
  it('resolve from the config folder, including through $ref and arrays; other strings stay as written', () => {
    const out = resolvePaths(
      { out: 'manifests', name: 'manifests', include: ['a', '/abs/b'], targets: [{ socket: 'run/d.sock' }, { socket: 'tcp://127.0.0.1:0' }] },
      schema,
      '/project/app',
    );
    expect(out).toEqual({
      out: '/project/app/manifests',
      name: 'manifests',
      include: ['/project/app/a', '/abs/b'],
      targets: [{ socket: '/project/app/run/d.sock' }, { socket: 'tcp://127.0.0.1:0' }],
    });
  });
});
