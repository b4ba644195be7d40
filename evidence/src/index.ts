export { verbs } from './verbs.js';
export { findingIds } from './finding-ids.js';
