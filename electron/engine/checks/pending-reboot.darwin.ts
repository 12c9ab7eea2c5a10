/**
 * 重启验证 on macOS: macOS keeps no "restart pending" flag; what it has is updates that need a
 * restart to install. `softwareupdate --list --no-scan` lists the updates found by the last
 * background scan without asking Apple's servers again (quick, no network), each with
 * "Action: restart" (macOS 10.15+) or "[restart]" (older) when installing it restarts the Mac.
 */
export const SOFTWAREUPDATE_ARGS = ['--list', '--no-scan'];

export interface MacUpdate {
  label: string;
  title: string;
  restart: boolean;
}

/** The updates in `softwareupdate --list` output, in either of its formats. */
export function parseSoftwareUpdateList(text: string): MacUpdate[] {
  const out: MacUpdate[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const star = /^\s*\*\s+(?:Label:\s*)?(.+?)\s*$/.exec(lines[i]!);
    if (!star) continue;
    const detail = lines[i + 1] ?? '';
    const title = /Title:\s*([^,]+)/.exec(detail)?.[1]?.trim() ?? detail.trim().replace(/,.*$/, '');
    const restart = /Action:\s*restart/i.test(detail) || /\[restart\]/i.test(detail);
    out.push({ label: star[1]!, title: title || star[1]!, restart });
  }
  return out;
}
