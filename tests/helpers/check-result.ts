/** A CheckResult for report and surface tests: codes as the engine writes them, with the English rendering beside. */
import type { CheckMessage } from '../../shared/check-messages.js';
import { englishCheck } from '../../shared/i18n/check-text.js';
import type { CheckResult } from '../../shared/types.js';

export function checkResult(r: Omit<CheckResult, 'en' | 'detail'> & { detail: CheckMessage | CheckMessage[] }): CheckResult {
  const detail = Array.isArray(r.detail) ? r.detail : [r.detail];
  return { ...r, detail, en: englishCheck({ title: r.title, detail, advice: r.advice }) };
}
