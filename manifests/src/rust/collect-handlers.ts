/**
 * Reads `.invoke_handler(x)` while the file's tree is alive, when `x` is not a registration list
 * written in place: tauri-specta's `builder.invoke_handler()`, a closure around a handler, a
 * local bound to a list, a function returning a handler. Whether some list feeds it is settled
 * over the whole crate (rust-registrations.ts): a list not written in place in
 * `.invoke_handler(…)` (bound to a local, given to tauri-specta's builder, returned) feeds one.
 */
import { siteCallee } from './calls.js';
import { isRegistrationList } from './collect-registrations.js';
import type { Site } from './file-index.js';
import type { PendingHandler } from './items.js';
import { callArguments, flatText, locOf, peel } from './nodes.js';

export function handlerOf(site: Site, rel: string): PendingHandler | undefined {
  const callee = siteCallee(site);
  if (!callee?.method || callee.name !== 'invoke_handler') return undefined;
  const arg = callArguments(site.node)[0];
  if (!arg || isRegistrationList(peel(arg))) return undefined;
  return { scope: site.scope, loc: locOf(rel, callee.nameNode), expression: flatText(arg) };
}
