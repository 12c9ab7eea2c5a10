/** Done: the archive, its way to the ticket (live from the outbox), the basic checklist. */
import { useState } from 'react';
import type { ChecksState, CollectionResult, UiLocale, UploadStatus } from '../../../shared/api.js';
import { ChecksList } from '../components/checks-list.js';
import { Icon, type IconName } from '../components/icon.js';
import { adviceFor, pick, reasonText, uploadProblemText, type Dictionary } from '../i18n.js';
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
  onCopy: () => Promise<boolean>;
  onNew: () => void;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
}

export function DoneScreen(props: DoneProps) {
  const { t, locale, result, checks } = props;
  const [copied, setCopied] = useState(false);
  const problems = props.rows.filter((r) => r.status === 'error' || r.status === 'timeout');
  const duration = Date.parse(result.finishedAt) - Date.parse(result.startedAt);

  const copy = async () => {
    setCopied(await props.onCopy());
    setTimeout(() => setCopied(false), 4000);
  };

  return (
    <div className="screen">
      <div className="screen-body">
        <section className={`hero ${result.partial ? 'partial' : 'success'}`} aria-labelledby="done-title">
          <span className="hero-icon">
            <Icon name={result.partial ? 'warn' : 'check'} />
          </span>
          <div className="hero-main">
            <h1 id="done-title" ref={props.headingRef} tabIndex={-1}>
              {result.partial ? t.donePartialTitle : t.doneTitle}
            </h1>
            <p className="archive-label muted">{t.archive}</p>
            {/* Archive names follow the support standard (zh-CN by default): tag them so the
                font fallback picks simplified Chinese glyphs whatever the UI language. */}
            <p className="archive-name" data-testid="archive-name" lang={/[\u4e00-\u9fff]/.test(result.archiveName) ? 'zh-CN' : undefined}>
              {result.archiveName}
            </p>
            <p className="muted">
              <span data-testid="archive-size">{formatBytes(result.bytes)}</span> · {t.files(result.items)} · {formatDuration(duration, locale)}
            </p>
            <div className="button-row">
              <button type="button" onClick={props.onOpenFolder}>
                <Icon name="folder" /> {t.openFolder}
              </button>
              <button type="button" onClick={() => void copy()}>
                <Icon name="copy" /> {t.copyDetails}
              </button>
              <span className="copied" role="status">
                {copied ? t.copied : ''}
              </span>
            </div>
          </div>
        </section>

        {problems.length > 0 && (
          <section className="card" aria-labelledby="done-problems">
            <h2 id="done-problems">{t.notCompleted}</h2>
            <p className="muted small">{t.partial}</p>
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

        <UploadCard {...props} />

        <ChecksList t={t} locale={locale} checks={checks} />
      </div>
      <footer className="actionbar">
        <span className="spacer" />
        <button type="button" onClick={props.onNew}>
          {t.newCollection}
        </button>
      </footer>
    </div>
  );
}

function UploadCard({ t, locale, result, upload, retrying, onRetry }: DoneProps) {
  const pct = upload.totalBytes > 0 ? Math.round((upload.sentBytes / upload.totalBytes) * 100) : 0;
  const problem = upload.error ? uploadProblemText(upload.error, upload.targetName, result.ticket, locale) : '';
  let icon: IconName = 'clock';
  let text = '';
  switch (upload.state) {
    case 'local':
      icon = 'folder';
      text = t.upload.local(result.emailSubject);
      break;
    case 'uploading':
      icon = 'spinner';
      text = t.upload.uploading(upload.targetName, pct);
      break;
    case 'done':
      icon = 'check';
      text = t.upload.done(upload.targetName, result.ticket);
      break;
    case 'queued':
      icon = upload.error ? 'warn' : 'clock';
      text = upload.error ? t.upload.queued(problem) : t.upload.queuedWaiting;
      break;
    case 'failed':
      icon = 'cross';
      text = t.upload.failed(problem);
      break;
    case 'blocked':
      icon = 'warn';
      text = upload.leakCheck === 'incomplete' ? t.upload.blockedIncomplete(upload.targetName) : t.upload.blocked(upload.targetName);
      break;
    case 'none':
      text = t.upload.queuedWaiting;
  }
  const showRetry = upload.state === 'failed' || (upload.state === 'queued' && Boolean(upload.error));
  return (
    <section className={`card upload state-${upload.state}`} aria-labelledby="done-upload" data-upload-state={upload.state}>
      <h2 id="done-upload">{t.uploadTitle}</h2>
      <p className="upload-text" role="status">
        <Icon name={icon} />
        <span>
          {text}
          {upload.state === 'done' && upload.alreadyPresent ? <span className="muted"> {t.upload.alreadyPresent}</span> : null}
        </span>
      </p>
      {upload.state === 'uploading' && (
        <div className="bar" role="progressbar" aria-label={t.uploadTitle} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
          <div className="bar-fill" style={{ width: `${pct}%` }} />
        </div>
      )}
      {upload.state === 'done' && upload.attachmentUrl && <p className="muted small mono">{upload.attachmentUrl}</p>}
      {(upload.state === 'queued' || upload.state === 'failed') && upload.error && (
        <p className="advice">
          <strong>{t.whatToDo}</strong>
          {t.advice[adviceFor(upload.error.kind)]}
        </p>
      )}
      {(upload.state === 'queued' || upload.state === 'failed') && (upload.attempts > 0 || upload.nextAttemptAt) && (
        <p className="muted small" data-testid="upload-attempts">
          {t.upload.attempts(upload.attempts)}
          {upload.state === 'queued' && upload.nextAttemptAt ? ` · ${t.upload.next(formatTime(upload.nextAttemptAt, locale))}` : ''}
        </p>
      )}
      {/* The engine's own words are English, for support: shown in English; "复制详情" copies them in every language. */}
      {(upload.state === 'queued' || upload.state === 'failed') && upload.error && locale === 'en' && (
        <p className="muted small technical">
          {t.technical}
          {upload.error.message}
        </p>
      )}
      {upload.state === 'blocked' && (
        <>
          {upload.leaks && upload.leaks.length > 0 && (
            <ul className="leaks mono small" data-testid="leaks">
              {upload.leaks.slice(0, 10).map((l) => (
                <li key={`${l.entry}:${l.line}:${l.masked}`}>{t.upload.leakAt(l.entry, l.line, l.masked)}</li>
              ))}
            </ul>
          )}
          <p className="advice">
            <strong>{t.whatToDo}</strong>
            {t.upload.blockedAdvice}
          </p>
          <div className="button-row">
            <button type="button" onClick={onRetry} disabled={retrying} aria-busy={retrying || undefined}>
              {t.upload.sendAnyway}
            </button>
          </div>
        </>
      )}
      {showRetry && (
        <div className="button-row">
          <button type="button" className="primary" onClick={onRetry} disabled={retrying} aria-busy={retrying || undefined}>
            <Icon name="retry" /> {retrying ? t.retrying : t.retry}
          </button>
        </div>
      )}
    </section>
  );
}
