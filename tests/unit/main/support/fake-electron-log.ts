/** A stand-in for electron-log/main: same shape main uses, lines kept in memory (already scrubbed by the hooks). */
type Message = { data: unknown[]; level: string };
type Hook = (message: Message) => Message | false;

export const lines: string[] = [];
const hooks: Hook[] = [];
const write = (level: string) => (...data: unknown[]) => {
  let message: Message | false = { data, level };
  for (const hook of hooks) message = message && hook(message);
  if (message) lines.push(`[${level}] ${message.data.map(String).join(' ')}`);
};

const log = {
  transports: { file: { level: 'info', maxSize: 0 }, console: { level: 'info' as string | false } },
  hooks,
  errorHandler: { startCatching: () => {} },
  info: write('info'),
  warn: write('warn'),
  error: write('error'),
};
(globalThis as { __fakeLog?: { lines: string[]; log: typeof log } }).__fakeLog = { lines, log };

export default log;
