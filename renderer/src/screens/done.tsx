/**
 * Done: the title says where the archive really is — sent to the ticket, waiting for the user to
 * send the e-mail draft, or saved and retried automatically — from the engine's upload state,
 * never recomputed here; the next step is one button (the e-mail draft), with numbered steps
 * when sending is manual; 完成 closes the app. Below: the archive, what did not finish, and the
 * basic checklist.
 */
import { useState } from 'react';
import type { ChecksState, CollectionResult, OpenDraftResponse, UiLocale, UploadStatus } from '../../../shared/api.js';
import { notTakenCount } from '../../../shared/i18n/collect-facts.js';
import { ChecksList } from '../components/checks-list.js';
import { Icon, type IconName } from '../components/icon.js';
import { adviceFor, existingFilesText, intakeCleanedText, mendedText, notTakenText, policyText, redactedText, pick, reasonText, ticketTitleText, uploadProblemText, type Dictionary } from '../i18n.js';
import { formatBytes, formatDuration, formatTime } from '../model/format.js';
import type { ProgressRow } from '../model/progress.js';

interface DoneProps {
  t: Dictionary;
  locale: UiLocale;
  result: CollectionResult;
  rows: ProgressRow[];
  upload: UploadStatus;
  checks: ChecksState | undefined;
  retrying: boolean;
  onRetry: () => void;
  onOpenFolder: () => void;
  onOpenDraft: () => Promise<OpenDraftResponse['opened']>;
  onCopy: () => Promise<boolean>;
  onNew: () => void;
  onFinish: () => void;
  /** 上传设置: where the upload secret is entered (offered when the upload lacks or was refused one). */
  onOpenSettings: () => void;
  /** 这次修复有效吗？ (shown when an earlier archive of the ticket exists). */
  compare?: React.ReactNode;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
}


/** What the Done screen says, by the engine's upload state. */
export type DoneState = 'sent' | 'manual' | 'retrying' | 'failed' | 'uploading' | 'blocked';

export function doneState(upload: UploadStatus): DoneState {
  switch (upload.state) {
    case 'done':
      return 'sent';
    case 'local':
      return 'manual';
    case 'failed':
      return 'failed';
    case 'blocked':
      return 'blocked';
    case 'queued':
      return upload.error ? 'retrying' : 'uploading';
    default:
      return 'uploading';
  }
}

const HERO_ICON: Record<DoneState, IconName> = { sent: 'check', manual: 'mail', retrying: 'clock', failed: 'warn', uploading: 'spinner', blocked: 'warn' };
const HERO_TONE: Record<DoneState, string> = { sent: 'success', manual: 'action', retrying: 'partial', failed: 'partial', uploading: 'action', blocked: 'partial' };

export function DoneScreen(props: DoneProps) {
  const { t, locale, result, checks, upload } = props;
  const [copied, setCopied] = useState(false);
  const [draft, setDraft] = useState<OpenDraftResponse['opened']>();
  const problems = props.rows.filter((r) => r.status === 'error' || r.status === 'timeout');
  const duration = Date.parse(result.finishedAt) - Date.parse(result.startedAt);
  const state = doneState(upload);
  const problem = upload.error ? uploadProblemText(upload.error, upload.targetName, result.ticket, locale) : '';
  const pct = upload.totalBytes > 0 ? Math.round((upload.sentBytes / upload.totalBytes) * 100) : 0;
  const manual = state === 'manual' || state === 'failed';
  const draftButton = state !== 'sent' && state !== 'uploading';

  const copy = async () => {
    setCopied(await props.onCopy());
    setTimeout(() => setCopied(false), 4000);
  };
  const openDraft = async () => setDraft(await props.onOpenDraft());

  const title = {
    sent: t.done.sent({ ticket: result.ticket }),
    manual: t.done.manual,
    retrying: t.done.retrying,
    failed: t.done.failed,
    uploading: t.done.uploading({ ticket: result.ticket }),
    blocked: t.done.blocked,
  }[state];
  const lead = {
    sent: t.done.sentLead,
    manual: t.done.manualLead,
    retrying: t.done.retryingLead({ problem }),
    failed: t.done.failedLead({ problem }),
    uploading: t.done.uploadingLead({ target: upload.targetName, pct }),
    blocked: upload.leakCheck === 'incomplete' ? t.upload.blockedIncomplete({ target: upload.targetName }) : t.upload.blocked({ target: upload.targetName }),
  }[state];

  return (
    <div className="screen">
      <div className="screen-body">
        <section className={`hero ${HERO_TONE[state]}`} aria-labelledby="done-title" data-done-state={state}>
          <span className="hero-icon">
            <Icon name={HERO_ICON[state]} />
          </span>
          <div className="hero-main">
            <h1 id="done-title" ref={props.headingRef} tabIndex={-1}>
              {title}
            </h1>
            {/* The ticket as the ticket system named it before anything was collected: the right one? */}
            {result.ticketCheck && (
              <p className="ticket-title" data-testid="ticket-title">
                {ticketTitleText(result.ticket, result.ticketCheck, locale)}
              </p>
            )}
            <p className="hero-lead" role="status" data-upload-state={upload.state}>
              {lead}
              {state === 'sent' && upload.alreadyPresent ? <span className="muted"> {t.upload.alreadyPresent}</span> : null}
            </p>
            {state === 'uploading' && (
              <div className="bar" role="progressbar" aria-label={t.uploadTitle} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
                <div className="bar-fill" style={{ width: `${pct}%` }} />
              </div>
            )}
            {state === 'sent' && upload.attachmentUrl && <p className="muted small mono">{upload.attachmentUrl}</p>}
            {manual && (
              <>
                <h2 className="steps-title">{t.done.stepsTitle}</h2>
                <ol className="send-steps">
                  <li>{t.done.step1({ subject: result.emailSubject })}</li>
                  <li>{t.done.step2}</li>
                  <li>{t.done.step3}</li>
                </ol>
              </>
            )}
            {state === 'retrying' && upload.nextAttemptAt && (
              <p className="muted small" data-testid="next-attempt">
                {t.done.nextAttempt({ time: formatTime(upload.nextAttemptAt, locale) })}
              </p>
            )}
            {(state === 'retrying' || state === 'failed') && upload.error && (
              <>
                <p className="advice">
                  <strong>{t.whatToDo}</strong>
                  {t.advice[adviceFor(upload.error.kind)]}
                </p>
                <p className="muted small" data-testid="upload-attempts">
                  {t.upload.attempts({ n: upload.attempts })}
                </p>
                {/* The engine's own words are English, for support: shown in English; "复制详情" copies them in every language. */}
                {locale === 'en' && <p className="muted small technical">{`${t.technical}${upload.error.message}`}</p>}
              </>
            )}
            {state === 'blocked' && (
              <>
                {upload.leaks && upload.leaks.length > 0 && (
                  <ul className="leaks mono small" data-testid="leaks">
                    {upload.leaks.slice(0, 10).map((l) => (
                      <li key={`${l.entry}:${l.line}:${l.masked}`}>{t.upload.leakAt({ entry: l.entry, line: l.line, masked: l.masked })}</li>
                    ))}
                  </ul>
                )}
                {result.leakCheck?.notMended && <NotMendedLine t={t} locale={locale} refusal={result.leakCheck.notMended} />}
                <p className="advice">
                  <strong>{t.whatToDo}</strong>
                  {t.upload.blockedAdvice}
                </p>
              </>
            )}
            <div className="button-row">
              {draftButton && (
                <button type="button" className={manual ? 'primary' : undefined} onClick={() => void openDraft()}>
                  <Icon name="mail" /> {t.done.openDraft}
                </button>
              )}
              {(state === 'retrying' || state === 'failed') && (
                <button type="button" className={manual ? undefined : 'primary'} onClick={props.onRetry} disabled={props.retrying} aria-busy={props.retrying || undefined}>
                  <Icon name="retry" /> {props.retrying ? t.retrying : t.retry}
                </button>
              )}
              {(state === 'retrying' || state === 'failed') && upload.error && adviceFor(upload.error.kind) === 'settings' && (
                <button type="button" onClick={props.onOpenSettings}>
                  <Icon name="lock" /> {t.secrets.fix}
                </button>
              )}
              {state === 'blocked' && (
                <button type="button" onClick={props.onRetry} disabled={props.retrying} aria-busy={props.retrying || undefined}>
                  {t.upload.sendAnyway}
                </button>
              )}
              <button type="button" onClick={props.onOpenFolder}>
                <Icon name="folder" /> {t.openFolder}
              </button>
            </div>
            <p className="draft-result small" role="status" data-testid="draft-result">
              {draft === 'draft' ? t.done.draftOpened : draft === 'mailto' ? t.done.mailtoOpened : draft === 'none' ? t.done.draftNone : ''}
            </p>
          </div>
        </section>

        {/* Values still in the archive the user is about to send by hand (a held-back upload says so above). */}
        {result.leakCheck && (state === 'manual' || state === 'failed') && <CheckBeforeSending t={t} locale={locale} leak={result.leakCheck} />}
        {result.afterPublish && result.afterPublish.length > 0 && <AfterPublishCard t={t} locale={locale} problems={result.afterPublish} />}

        <section className="card archive-card" aria-labelledby="done-archive">
          <h2 id="done-archive">{t.archive}</h2>
          {/* Archive names follow the support standard (zh-CN by default): tag them so the
              font fallback picks simplified Chinese glyphs whatever the UI language. */}
          <p className="archive-name" data-testid="archive-name" lang={/[\u4e00-\u9fff]/.test(result.archiveName) ? 'zh-CN' : undefined}>
            {result.archiveName}
          </p>
          <p className="muted">
            <span data-testid="archive-size">{formatBytes(result.bytes)}</span> · {t.files({ n: result.items })} · {formatDuration(duration, locale)}
          </p>
          {result.redaction && (
            <p className="muted small" data-testid="redacted">
              <strong>{t.done.redactedLabel}</strong> {redactedText(result.redaction, locale)}
            </p>
          )}
          {result.mended && result.mended.length > 0 && <MendedLine entries={result.mended} locale={locale} />}
          {result.intakeCleaned && result.intakeCleaned.length > 0 && (
            <p className="muted small" data-testid="intake-cleaned">
              <strong>{t.done.cleanedLabel}</strong> {intakeCleanedText(result.intakeCleaned, locale)}
            </p>
          )}
          <div className="button-row">
            <button type="button" onClick={() => void copy()}>
              <Icon name="copy" /> {t.copyDetails}
            </button>
            <span className="copied" role="status">
              {copied ? t.copied : ''}
            </span>
          </div>
        </section>

        {props.compare}

        {problems.length > 0 && (
          <section className="card" aria-labelledby="done-problems">
            <h2 id="done-problems">{t.notCompleted}</h2>
            <p className="muted small">{t.done.partialNote}</p>
            <ul className="plain">
              {problems.map((r) => (
                <li key={r.id}>
                  <strong>{pick(r.title, locale)}</strong> — {t.rowStatus[r.status]}
                  {r.detail || r.detailCode ? `: ${reasonText({ detail: r.detail, detailCode: r.detailCode }, locale)}` : ''}
                </li>
              ))}
            </ul>
          </section>
        )}

        {result.notTaken && <NotTakenCard t={t} locale={locale} facts={result.notTaken} rows={props.rows} />}
        {result.policyProblems && result.policyProblems.length > 0 && <PolicyCard t={t} locale={locale} problems={result.policyProblems} />}

        <ChecksList t={t} locale={locale} checks={checks} />
      </div>
      <footer className="actionbar">
        <button type="button" onClick={props.onNew}>
          {t.newCollection}
        </button>
        <span className="spacer" />
        {(state === 'retrying' || state === 'uploading') && <span className="muted small finish-note">{t.done.finishQueued}</span>}
        <button type="button" className={state === 'sent' || draft ? 'primary' : undefined} onClick={props.onFinish}>
          {t.done.finish}
        </button>
      </footer>
    </div>
  );
}

/** 补充脱敏 / Mended: entries redacted again once the archive was complete (the engine's list). */
function MendedLine({ entries, locale }: { entries: readonly string[]; locale: UiLocale }) {
  const { label, text } = mendedText(entries, locale);
  return (
    <p className="muted small" data-testid="mended">
      <strong>{label}</strong> {text}
    </p>
  );
}

type LeakCheckFacts = NonNullable<CollectionResult['leakCheck']>;
type AfterPublishFacts = NonNullable<CollectionResult['afterPublish']>;

/** Why the mend step left a value in the archive (the engine's code), with its English error in English only. */
function NotMendedLine({ t, locale, refusal }: { t: Dictionary; locale: UiLocale; refusal: NonNullable<LeakCheckFacts['notMended']> }) {
  return (
    <>
      <p className="not-mended" data-testid="not-mended">{t.done.notMended({ code: refusal.code, entry: refusal.entry ?? '' })}</p>
      {/* The engine's own words are English, for support: shown in English; 复制详情 and the log keep them. */}
      {locale === 'en' && refusal.error && <p className="muted small technical">{`${t.technical}${refusal.error}`}</p>}
    </>
  );
}

/** 发送前请检查: the leak check's findings (or that it could not finish) when the user sends the archive by hand. */
function CheckBeforeSending({ t, locale, leak }: { t: Dictionary; locale: UiLocale; leak: LeakCheckFacts }) {
  return (
    <section className="card attention" aria-labelledby="done-check" data-testid="check-before-sending">
      <h2 id="done-check">
        <Icon name="warn" /> {t.done.checkTitle}
      </h2>
      <p>{leak.state === 'incomplete' ? t.done.leaksIncomplete : t.done.leaksFound({ count: leak.leaks.length })}</p>
      {leak.leaks.length > 0 && (
        <ul className="leaks mono small" data-testid="leaks">
          {leak.leaks.slice(0, 10).map((l) => (
            <li key={`${l.entry}:${l.line}:${l.masked}`}>{t.upload.leakAt({ entry: l.entry, line: l.line, masked: l.masked })}</li>
          ))}
        </ul>
      )}
      {leak.notMended && <NotMendedLine t={t} locale={locale} refusal={leak.notMended} />}
      <p className="advice">
        <strong>{t.whatToDo}</strong>
        {t.done.checkAdvice({ code: leak.notMended?.code ?? 'none' })}
      </p>
    </section>
  );
}

/** A step after the archive was published that failed: what, where and why, what to do, which files exist. */
function AfterPublishCard({ t, locale, problems }: { t: Dictionary; locale: UiLocale; problems: AfterPublishFacts }) {
  return (
    <section className="card attention" aria-labelledby="done-after-publish" data-testid="after-publish">
      <h2 id="done-after-publish">
        <Icon name="warn" /> {t.done.afterPublishTitle}
      </h2>
      {problems.map((p) => (
        <div key={`${p.step}:${p.target}`} className="after-publish-item" data-step={p.step}>
          <p className="technical">{t.done.afterPublish({ step: p.step, target: p.target, cause: p.cause })}</p>
          <p className="advice">
            <strong>{t.whatToDo}</strong>
            {t.done.afterPublishNext({ step: p.step, queued: p.queued ? 'yes' : 'no' })}
          </p>
          <p className="muted small technical">{t.done.afterPublishFiles({ existing: existingFilesText(p.existing, locale) })}</p>
        </div>
      ))}
    </section>
  );
}

type NotTakenFacts = NonNullable<CollectionResult['notTaken']>;

/**
 * 未收集的内容: what was not taken and why (the manifest's facts, the CLI's reasons), folded under
 * one sentence: a person who only wants to send the archive is not stopped by a list of sources.
 */
function NotTakenCard({ t, locale, facts, rows }: { t: Dictionary; locale: UiLocale; facts: NotTakenFacts; rows: ProgressRow[] }) {
  const titles = new Map(rows.map((r) => [r.id, pick(r.title, locale)]));
  const lines = notTakenText(facts, (id) => titles.get(id) ?? id, locale);
  const count = notTakenCount(facts);
  return (
    <section className="card folded" aria-labelledby="done-not-taken" data-testid="not-taken">
      <h2 id="done-not-taken">{t.done.notTakenTitle}</h2>
      <details className="more">
        <summary>{t.done.notTakenSummary({ count })}</summary>
        <ul className="plain not-taken-list">
          {lines.map((l, i) => (
            <li key={`${l.kind}:${l.what}:${i}`} data-kind={l.kind}>
              {l.what && <strong className={l.kind === 'collector' ? undefined : 'mono'}>{l.what}</strong>}
              {l.what ? ' — ' : ''}
              {l.why}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}

/** IT 策略设置有误: what the policy changed or refused when the app started, as the CLI prints it, folded. */
function PolicyCard({ t, locale, problems }: { t: Dictionary; locale: UiLocale; problems: NonNullable<CollectionResult['policyProblems']> }) {
  return (
    <section className="card folded" aria-labelledby="done-policy" data-testid="policy-problems">
      <h2 id="done-policy">
        <Icon name="lock" /> {t.done.policyTitle}
      </h2>
      <details className="more">
        <summary>{t.done.policySummary({ count: problems.length })}</summary>
        <ul className="plain policy-list small">
          {problems.map((p) => (
            <li key={`${p.line.source}:${p.line.location}:${p.line.key}`}>{policyText(p, locale)}</li>
          ))}
        </ul>
      </details>
    </section>
  );
}
