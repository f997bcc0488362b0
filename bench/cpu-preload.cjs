// Preloaded (`node -r`) into a process the benchmark times: prints its own CPU seconds on exit, as one stderr line
// `BENCH_CPU <user s> <system s>`, so a wall time stretched by other load on the machine can be told apart.
"use strict";
process.on("exit", () => {
  const u = process.resourceUsage();
  process.stderr.write(`BENCH_CPU ${u.userCPUTime / 1e6} ${u.systemCPUTime / 1e6}\n`);
});
