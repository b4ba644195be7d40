// The fake agent's "model": everything a turn does is derived from the message content
// alone. Determinism is the point: two runs (stdio and daemon) must produce the same
// events, and a turn interrupted by a restart can be resumed by recomputing its text.

export interface TurnScript {
  /** Chunks streamed before any tool or interaction. */
  intro: string[];
  /** Run a harmless tool mid-turn ("tool" in the content). */
  tool: boolean;
  /** Pause for the user ("permission" wins over "question"). */
  interaction: 'permission' | 'question' | null;
  /** End the turn with an error event ("fail" in the content). */
  fail: boolean;
}

// Benchmarks need bulk events without a bulk request; the cap keeps a typo from
// turning into an hour-long stream.
const MAX_BULK_CHUNKS = 1_000_000;

export function scriptFor(content: string): TurnScript {
  const lower = content.toLowerCase();
  const bulk = /chunks:(\d+)/.exec(lower);
  const intro = bulk
    ? Array.from({ length: Math.min(Number(bulk[1]), MAX_BULK_CHUNKS) }, (_, i) => `chunk${i} `)
    : `Echo: ${content}`.split(/\s+/).filter(Boolean).map((word) => `${word} `);
  return {
    intro,
    tool: lower.includes('tool'),
    interaction: lower.includes('permission')
      ? 'permission'
      : lower.includes('question')
        ? 'question'
        : null,
    fail: lower.includes('fail'),
  };
}

export function wordCount(content: string): number {
  return content.split(/\s+/).filter(Boolean).length;
}

export const PERMISSION_REQUEST = {
  toolName: 'write_file',
  description: 'Write the conversation summary to notes.md',
};

export const QUESTION = {
  question: 'Which summary format do you want?',
  options: ['short', 'detailed'],
};

export function afterPermission(decision: 'allow' | 'deny'): string[] {
  return decision === 'allow' ? ['Wrote ', 'notes.md.'] : ['Skipped ', 'writing ', 'notes.md.'];
}

export function afterAnswer(answer: string): string[] {
  return ['You ', 'chose: ', `${answer}.`];
}
