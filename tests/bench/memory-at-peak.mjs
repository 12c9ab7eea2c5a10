/**
 * Preloaded (`node --import`) into a command the bench measures with BENCH_MEMORY=1: where the
 * peak RSS goes (issue 13). Every 50 ms the main thread reads its RSS; at each new peak it keeps
 * the breakdown — V8 heaps and array buffers of the main thread and of the redaction worker
 * (which posts its own figures on a BroadcastChannel), and from /proc/self/smaps the file-backed
 * pages (the node binary, shared with other node processes), the brk heap (glibc's main arena),
 * glibc's per-thread arenas (64 MB-aligned reservations: their count and resident MB) and the
 * other anonymous memory (mostly the V8 heaps). Written as JSON to BENCH_MEMORY_FILE at exit.
 * Linux only. The sampling itself costs a few MB: compare runs made with it only to each other.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import v8 from 'node:v8';
import { isMainThread } from 'node:worker_threads';

const target = process.env.BENCH_MEMORY_FILE;
const MB = 1024 * 1024;
const mb = (bytes) => Math.round((bytes / MB) * 10) / 10;
/** glibc reserves each thread arena's heap as 64 MB, aligned to 64 MB (HEAP_MAX_SIZE on 64-bit). */
const ARENA_BYTES = 64 * MB;

/** Resident MB of each kind of mapping in /proc/self/smaps. */
function mappings() {
  const regions = [];
  let current;
  for (const line of readFileSync('/proc/self/smaps', 'utf8').split('\n')) {
    const head = /^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) {
      current = { start: parseInt(head[1], 16), end: parseInt(head[2], 16), perm: head[3], name: head[4], rss: 0 };
      regions.push(current);
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss && current) current.rss = Number(rss[1]) * 1024;
  }
  const out = { fileBacked: 0, brkHeap: 0, arenas: 0, arenaMB: [], otherAnon: 0 };
  for (let i = 0; i < regions.length; i += 1) {
    const r = regions[i];
    if (r.name.startsWith('/')) out.fileBacked += r.rss;
    else if (r.name === '[heap]') out.brkHeap += r.rss;
    else if (!r.name && r.perm === 'rw-p' && r.start % ARENA_BYTES === 0) {
      // An arena's heap: its used part (rw-p) and the rest of the reservation (---p) after it.
      const rest = regions[i + 1];
      const end = rest && rest.start === r.end && rest.perm === '---p' ? rest.end : r.end;
      if (end - r.start === ARENA_BYTES) {
        out.arenas += 1;
        out.arenaMB.push(mb(r.rss));
        if (end !== r.end) i += 1;
      } else out.otherAnon += r.rss;
    } else if (!r.name.startsWith('[')) out.otherAnon += r.rss;
  }
  return { fileBackedMB: mb(out.fileBacked), brkHeapMB: mb(out.brkHeap), arenas: out.arenas, arenaMB: mb(out.arenaMB.reduce((a, b) => a + b * MB, 0)), arenaEachMB: out.arenaMB.sort((a, b) => b - a), otherAnonMB: mb(out.otherAnon) };
}

function heap() {
  const h = v8.getHeapStatistics();
  const m = process.memoryUsage();
  return { heapMB: mb(h.total_physical_size), heapUsedMB: mb(h.used_heap_size), externalMB: mb(m.external), arrayBuffersMB: mb(m.arrayBuffers) };
}

if (target && process.platform === 'linux') {
  const channel = new BroadcastChannel('bench-memory-at-peak');
  channel.unref();
  if (!isMainThread) {
    setInterval(() => channel.postMessage(heap()), 50).unref();
  } else {
    let worker;
    channel.onmessage = (event) => {
      worker = event.data;
    };
    let peak = 0;
    let detailedAt = 0;
    let atPeak;
    const sample = () => {
      const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))[1]) * 1024;
      if (rss <= peak) return;
      peak = rss;
      // A new breakdown only once the peak grew by 0.5 MB: reading smaps is not free.
      if (atPeak !== undefined && rss < detailedAt + MB / 2) return;
      detailedAt = rss;
      atPeak = { rssMB: mb(rss), main: heap(), worker, ...mappings() };
    };
    setInterval(sample, 50).unref();
    process.on('exit', () => {
      sample();
      writeFileSync(target, JSON.stringify({ peakRssMB: mb(peak), atPeak }));
    });
  }
}
