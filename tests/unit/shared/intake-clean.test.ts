import { describe, expect, it } from 'vitest';
import { cleanIntake, cleanIntakeText } from '../../../shared/intake-clean.js';
import { IntakeSchema } from '../../../shared/types.js';

describe('cleanIntakeText', () => {
  it('removes bidi overrides, isolates, marks and control characters; keeps tab, LF and joiners', () => {
    expect(cleanIntakeText('invoice_\u202Eexe.jpg')).toEqual({ text: 'invoice_exe.jpg', removed: 1 });
    expect(cleanIntakeText('a\u0000b\u001b[2K\u0085c\u061Cd\u200E\u200F')).toEqual({ text: 'ab[2Kcd', removed: 6 });
    expect(cleanIntakeText('a\tb\r\nc\rd')).toEqual({ text: 'a\tb\ncd', removed: 1 });
    // ZWNJ (Persian) and ZWJ (emoji sequences) are letters' business, not controls.
    expect(cleanIntakeText('می\u200Cخواهم 👩\u200D💻')).toEqual({ text: 'می\u200Cخواهم 👩\u200D💻', removed: 0 });
  });

  it('cleanIntake lists the fields that changed and trims the short ones again', () => {
    const { intake, cleaned } = cleanIntake(IntakeSchema.parse({ name: '\u202E 张伟', problemDescription: 'ok' }));
    expect(intake.name).toBe('张伟');
    expect(intake.problemDescription).toBe('ok');
    expect(cleaned).toEqual([{ field: 'name', removed: 1 }]);
  });
});
