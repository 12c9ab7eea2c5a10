/**
 * Writing a file so that after any crash it holds either the old or the new content. Its own
 * module (re-exported by upload/outbox.ts) so that a command writing one report — compare,
 * baseline build — does not load the outbox, its schemas and the zip writer just for this.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/** Writes a file so that it is either the old or the new content after any crash. */
export async function writeFileAtomic(path: string, data: string): Promise<void> {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (err) {
    // A full disk must not leave the temp file behind: nothing cleans it later.
    await handle.close().catch(() => {});
    await unlink(temp).catch(() => {});
    throw err;
  }
  await handle.close();
  try {
    await rename(temp, path);
  } catch (err) {
    await unlink(temp).catch(() => {});
    throw err;
  }
  // Make the rename itself durable (POSIX; Windows cannot open a folder for fsync).
  if (process.platform !== 'win32') {
    const dir = await open(join(path, '..'), 'r');
    try {
      await dir.sync();
    } catch {
    } finally {
      await dir.close();
    }
  }
}
