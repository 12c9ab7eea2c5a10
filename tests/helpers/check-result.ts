/** A CheckResult for report and surface tests: codes as the engine writes them, with the English rendering beside. */
import type { CheckMessage } from '../../shared/check-messages.js';
import { englishCheck } from '../../shared/i18n/check-text.js';
import type { CheckResult } from '../../shared/types.js';

export function checkResult(r: Omit<CheckResult, 'en' | 'detail' | 'user'> & { detail: CheckMessage | CheckMessage[]; user?: CheckResult['user'] }): CheckResult {
  const detail = Array.isArray(r.detail) ? r.detail : [r.detail];
  const user = r.user ?? { show: true, sentence: r.title };
  return { ...r, detail, user, en: englishCheck({ title: r.title, detail, advice: r.advice, user }) };
}
