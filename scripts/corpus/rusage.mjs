// Preloaded into a benchmarked child with `node --import`: at exit it writes the process's own CPU
// time (every thread, workers included) and peak RSS to $CORPUS_BENCH_RUSAGE, so the parent
// measures exactly the child's work, start-up included, whatever the child is.
import fs from 'node:fs';

const out = process.env.CORPUS_BENCH_RUSAGE;
if (out) {
  process.on('exit', () => {
    const r = process.resourceUsage();
    fs.writeFileSync(out, JSON.stringify({ userUs: r.userCPUTime, sysUs: r.systemCPUTime, maxRssKb: r.maxRSS }));
  });
}
