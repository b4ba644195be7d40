/**
 * What varies between two identical runs, taken out of the output the evidence stores, so a run
 * that changes nothing leaves the committed evidence byte for byte as it was: times of day and
 * timestamps become `<time>`, durations `<duration>`. (The matrix already writes a run's own paths
 * as `{{tmp}}`, `{{root}}` and `<repo>`.) The matrix report keeps each output as it ran.
 */
const TIMESTAMP = /\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?\b/g;
const CLOCK = /\b\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\b/g;
const DURATION = /\b\d+(?:[.,]\d+)?\s?(?:ns|µs|us|ms|s|sec|secs|seconds?|min|mins|minutes?|h|hours?)\b/g;

export function normalizeOutput(text: string): string {
  return text.replace(TIMESTAMP, '<time>').replace(CLOCK, '<time>').replace(DURATION, '<duration>');
}
