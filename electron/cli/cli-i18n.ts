/**
 * The CLI speaks the user's language: zh-CN when the POSIX locale variables (or, on Windows and
 * macOS, the OS locale) say Chinese, else en; `--lang zh-CN|en` overrides. The same `--lang`
 * also names the archive's language (one flag, both meanings; README). Every sentence comes from
 * the one catalogue (shared/i18n/messages.ts), `--help` included.
 */
import { Help, Option, type Command } from 'commander';
import { LOCALES, parseLocale, userLocale } from '../../shared/i18n/locale.js';
import { translator, type Locale, type Translator } from '../../shared/i18n/translate.js';
import { problemText } from '../../shared/i18n/input-text.js';
import type { InputError } from '../engine/errors.js';

/** `--lang X` / `--lang=X` anywhere on the command line (read before commander parses, for --help). */
export function langFromArgv(argv: readonly string[]): Locale | undefined {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--') break;
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (value !== undefined) return parseLocale(value);
  }
  return undefined;
}

/** The runtime's locale, asked for only where the OS (not the environment) holds the language. */
const osLocale = (): string => Intl.DateTimeFormat().resolvedOptions().locale;

/** The language of this run's output: `--lang`, else the user's locale. */
export function cliLocale(argv: readonly string[], env: NodeJS.ProcessEnv, platform: string = process.platform): Locale {
  return langFromArgv(argv) ?? userLocale(env, osLocale, platform);
}

/** The translator for an io: its locale when main set one, else from its environment. */
export function cliTranslator(io: { env: NodeJS.ProcessEnv; locale?: Locale }): Translator {
  return translator(io.locale ?? userLocale(io.env, osLocale, process.platform));
}

/** `--lang zh-CN|en`, the same option on every command that prints or writes text. */
export function langOption(tr: Translator): Option {
  return new Option('--lang <lang>', tr.t('cli.help.lang')).choices(LOCALES as string[]);
}

/**
 * Commander's own words in help (titles, "default:", "choices:", the help command): set on the
 * program before any subcommand is created, so every subcommand inherits them.
 */
export function localiseHelp(program: Command, tr: Translator): void {
  const titles: Record<string, string> = {
    'Usage:': tr.t('cli.help.usage'),
    'Options:': tr.t('cli.help.options'),
    'Commands:': tr.t('cli.help.commands'),
    'Arguments:': tr.t('cli.help.arguments'),
    'Global Options:': tr.t('cli.help.options'),
  };
  const base = new Help();
  program.configureHelp({
    styleTitle: (title: string) => titles[title] ?? title,
    optionDescription: (option) =>
      base
        .optionDescription(option)
        .replace(/\bchoices: /, `${tr.t('cli.help.choices')} `)
        .replace(/\bdefault: /, `${tr.t('cli.help.default')} `),
  });
  program.helpCommand('help [command]', tr.t('cli.help.helpCommand'));
}

/** Bad input in the user's language: its code through the catalogue (shared/i18n/input-text.ts). */
export function inputErrorText(tr: Translator, err: InputError): string {
  return problemText(tr, err.problem && { ...err.problem, lines: err.policyLines }, err.message);
}

/** A policy problem the program goes on with, in the user's language: shared with the app's Done screen. */
export { policyProblemText } from '../../shared/i18n/collect-facts.js';
