/**
 * Public entry point of the redaction stage (ARCHITECTURE.md: collectors -> redact -> archive).
 * Every text item passes through `Redactor.createStream()` on its way into the zip; binary items
 * (`isProbablyBinary`) are routed around it.
 */
export { Redactor, type RedactorOptions, type RedactStream, type StreamOptions } from './redactor.js';
export { detectFormat, type StructureOutcome, type TextFormat } from './formats.js';
export { RULES, OPTIONAL_RULE_IDS, type RedactionRule, type RulePattern, type RuleTarget, type RuleBlock, type RuleCategory } from './rules.js';
export { decodeText, isProbablyBinary, SniffingDecoder, SNIFF_BYTES, type TextEncoding } from './decode.js';
export { PLACEHOLDER_PATTERN, isPlaceholder } from './placeholders.js';
export { MAX_LINE } from './line-engine.js';
