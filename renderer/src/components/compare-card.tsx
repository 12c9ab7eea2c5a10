/**
 * 这次修复有效吗？ on Done, when the outbox holds an earlier archive of the same ticket: one
 * button runs the engine's compare of that archive with this one; the verdict ("3 项由警告变为
 * 通过，1 项仍有问题") and its level are the engine's, shown as they are, with 对比报告.html a
 * click away. Nothing is counted here.
 */
import { useEffect, useState } from 'react';
import type { CompareOffer, CompareOutcome, DiagnosticsApi, UiLocale } from '../../../shared/api.js';
import { pick, type Dictionary } from '../i18n.js';
import { formatDateTime } from '../../../shared/i18n/format.js';
import { Icon, type IconName } from './icon.js';

const LEVEL_ICON: Record<CompareOutcome['level'], IconName> = { pass: 'check', warn: 'warn', fail: 'cross' };

export function CompareCard({ t, locale, api }: { t: Dictionary; locale: UiLocale; api: DiagnosticsApi }) {
  const [offer, setOffer] = useState<CompareOffer>();
  const [phase, setPhase] = useState<'idle' | 'running' | 'done' | 'failed'>('idle');
  const [outcome, setOutcome] = useState<CompareOutcome>();
  const [report, setReport] = useState<boolean>();
  useEffect(() => {
    let live = true;
    api.getCompareOffer().then(
      (o) => live && setOffer(o),
      () => live && setOffer({ available: false }),
    );
    return () => {
      live = false;
    };
  }, [api]);
  if (!offer?.available) return null;

  const c = t.compare;
  const compare = () => {
    setPhase('running');
    api.compareWithEarlier().then(
      (o) => {
        setOutcome(o);
        setPhase('done');
      },
      () => setPhase('failed'),
    );
  };
  const open = () => void api.openCompareReport().then((r) => setReport(r.opened), () => setReport(false));

  return (
    <section className="card compare-card" aria-labelledby="compare-title" data-compare={phase}>
      <h2 id="compare-title">{c.title}</h2>
      <p className="muted">{c.lead({ time: formatDateTime(offer.before.collectedAt, locale) })}</p>
      {phase === 'done' && outcome ? (
        <>
          <p className={`compare-verdict level-${outcome.level}`} role="status" data-level={outcome.level} data-testid="compare-verdict">
            <Icon name={LEVEL_ICON[outcome.level]} />
            <span>
              <strong>{c.resultTitle}</strong>
              {pick(outcome.verdict, locale)}
            </span>
          </p>
          <div className="button-row">
            <button type="button" onClick={open}>
              <Icon name="folder" /> {c.openReport}
            </button>
          </div>
          {report === false && <p className="muted small">{c.reportNone}</p>}
        </>
      ) : (
        <div className="button-row">
          <button type="button" onClick={compare} disabled={phase === 'running'} aria-busy={phase === 'running' || undefined}>
            {phase === 'running' ? <Icon name="spinner" /> : <Icon name="retry" />} {phase === 'running' ? c.running : c.run}
          </button>
        </div>
      )}
      {phase === 'failed' && (
        <p className="banner error small" role="alert">
          <Icon name="warn" /> {c.failed}
        </p>
      )}
    </section>
  );
}
