/** Which language the user reads (shared/i18n/locale.ts): POSIX precedence, then the OS locale on Windows/macOS. */
import { describe, expect, it } from 'vitest';
import { localeOf, parseLocale, userLocale } from '../../../../shared/i18n/locale.js';

describe('userLocale', () => {
  it('takes the first non-empty of LC_ALL, LC_MESSAGES, LANG', () => {
    expect(userLocale({ LANG: 'zh_CN.UTF-8' }, 'en-US', 'linux')).toBe('zh-CN');
    expect(userLocale({ LC_ALL: 'C', LANG: 'zh_CN.UTF-8' }, 'en-US', 'linux')).toBe('en');
    expect(userLocale({ LC_ALL: '', LC_MESSAGES: 'zh_TW.UTF-8', LANG: 'en_US.UTF-8' }, 'en-US', 'linux')).toBe('zh-CN');
    expect(userLocale({ LANG: 'en_GB.UTF-8' }, 'zh-CN', 'darwin')).toBe('en');
  });
  it('falls back to the OS locale on Windows and macOS only', () => {
    expect(userLocale({}, 'zh-CN', 'win32')).toBe('zh-CN');
    expect(userLocale({}, 'zh-Hans-CN', 'darwin')).toBe('zh-CN');
    expect(userLocale({}, 'zh-CN', 'linux')).toBe('en');
    expect(userLocale({}, 'de-DE', 'win32')).toBe('en');
  });
  it('asks for the OS locale (given as a function) only when it decides', () => {
    let asked = 0;
    const os = () => {
      asked += 1;
      return 'zh-CN';
    };
    expect(userLocale({ LANG: 'en_US.UTF-8' }, os, 'win32')).toBe('en');
    expect(userLocale({}, os, 'linux')).toBe('en');
    expect(asked).toBe(0);
    expect(userLocale({}, os, 'win32')).toBe('zh-CN');
    expect(asked).toBe(1);
  });
  it('reads tags and --lang values', () => {
    expect(localeOf('zh')).toBe('zh-CN');
    expect(localeOf('zhx')).toBe('en');
    expect(parseLocale('zh_CN')).toBe('zh-CN');
    expect(parseLocale('EN')).toBe('en');
    expect(parseLocale('fr')).toBeUndefined();
  });
});
