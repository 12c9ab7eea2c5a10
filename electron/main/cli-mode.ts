/**
 * The installed app doubles as the command line for IT scripts (`Diagnostics Collector.exe
 * collect --ticket 12345 --silent --json`): the RunAsNode fuse is off, so the Electron binary
 * cannot run the CLI as plain Node, and main hands such arguments to the CLI instead of opening
 * a window. Kept free of `electron` imports so it is tested on Node.
 */
const CLI_COMMANDS = new Set(['collect', 'list', 'check', 'outbox', 'policy', 'link', 'help', '--version', '-V', '--help', '-h']);

/**
 * The CLI arguments when the app was started with a CLI command, else undefined (a normal start,
 * or a `diagcollect://` deep link). `defaultApp` is Electron's `process.defaultApp`: true when run
 * as `electron .` in development, where argv has the app path before the user's arguments.
 */
export function cliArguments(argv: readonly string[], defaultApp: boolean): string[] | undefined {
  const args = argv.slice(defaultApp ? 2 : 1);
  return args.length > 0 && CLI_COMMANDS.has(args[0]!) ? [...args] : undefined;
}
