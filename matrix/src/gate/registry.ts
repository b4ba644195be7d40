import { contractRule } from './rules/contract.js';
import { evidenceRule } from './rules/evidence.js';
import { matrixRule } from './rules/matrix.js';
import { signoffsRule } from './rules/signoffs.js';
import { taskListsRule } from './rules/task-lists.js';
import { tasksOpenRule } from './rules/tasks-open.js';
import type { GateRule } from './types.js';

/** Every gate rule, in the order they run. Adding one: a file under rules/, an entry here, a fixture under test/fixtures/gate/rules/<id>/. */
export const GATE_RULES: readonly GateRule[] = [taskListsRule, contractRule, matrixRule, tasksOpenRule, evidenceRule, signoffsRule];
