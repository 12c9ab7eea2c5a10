/**
 * Preloaded (`node --import`) into a command the bench measures: as the process exits, writes the
 * CPU seconds of its main thread and of all its other threads (libuv's threadpool: deflate, file
 * reads; V8's helpers: parallel garbage collection) to the file named by BENCH_THREAD_CPU_FILE.
 * Linux only (/proc/self/task); elsewhere it writes nothing. Used by the scaling bench: a
 * collection's wall time cannot drop below its main thread's CPU time, whatever the cores.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

const target = process.env.BENCH_THREAD_CPU_FILE;
// USER_HZ, the unit of utime/stime in /proc: 100 on every Linux the bench runs on.
const TICKS_PER_SECOND = Number(process.env.BENCH_CLK_TCK) || 100;

if (target && process.platform === 'linux') {
  process.on('exit', () => {
    let main = 0;
    let other = 0;
    for (const tid of readdirSync('/proc/self/task')) {
      let stat;
      try {
        stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      } catch {
        continue; // the thread ended meanwhile
      }
      // Fields after the command name in parentheses (which may hold spaces): state is field 3,
      // utime field 14, stime field 15.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const seconds = (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
      if (Number(tid) === process.pid) main += seconds;
      else other += seconds;
    }
    writeFileSync(target, JSON.stringify({ mainCpuSeconds: main, otherCpuSeconds: other }));
  });
}
