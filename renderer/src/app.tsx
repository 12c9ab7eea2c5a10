/**
 * The four screens (Start → Review → Progress → Done) and the state they share. Everything the
 * app does goes through `window.diagnostics` (shared/api.ts); this file only keeps the UI state.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChecksState, Defaults, DiagnosticsApi, LinkEvent, OpenDraftResponse, PendingUploads, Preview, SessionEvent, UiLocale, UploadStatus } from '../../shared/api.js';
import { Header } from './components/header.js';
import { apiErrorText, dictionary, pick } from './i18n.js';
import { detailsText } from './model/details.js';
import { initialValues, localMinute, valuesForNewCollection, type FormValues } from './model/form-values.js';
import { applySessionEvent, initialProgress, isEndEvent, replayEarly, type EndEvent, type ProgressState } from './model/progress.js';
import { CompareCard } from './components/compare-card.js';
import { DoneScreen } from './screens/done.js';
import { ProgressScreen } from './screens/progress.js';
import { ReviewScreen, type ScreenshotState } from './screens/review.js';
import { RecordPanel } from './screens/record.js';
import { SettingsScreen } from './screens/settings.js';
import { StartScreen } from './screens/start.js';

type Validate = (typeof import('./model/form.js'))['validateForm'];
let validatorLoad: Promise<Validate> | undefined;
/** The form validator, loaded once (a separate chunk: it brings zod). */
function loadValidator(): Promise<Validate> {
  validatorLoad ??= import('./model/form.js').then((m) => m.validateForm);
  return validatorLoad;
}
/** `error`: what the call rejected with, or the session's failed event; rendered in the UI language when shown. */
type Notice = { kind: 'cancelled' } | { kind: 'failed'; error: unknown } | { kind: 'error'; error: unknown };
type ScreenName = 'start' | 'review' | 'progress' | 'done';
const STEP: Record<ScreenName, number> = { start: 0, review: 1, progress: 2, done: 3 };
type Shown = ScreenName | 'settings';

/** Where a session's end takes the window: Done, or back to Review with why. */
function outcomeOf(event: EndEvent): { screen: ScreenName; notice?: Notice } {
  if (event.type === 'finished') return { screen: 'done' };
  if (event.type === 'cancelled') return { screen: 'review', notice: { kind: 'cancelled' } };
  return { screen: 'review', notice: { kind: 'failed', error: event } };
}

/** The pause between saying the window will hide and hiding it: long enough to read the line. */
const HIDE_NOTICE_MS = 1200;

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard permission: the classic way, from a hidden text area.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'visually-hidden';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

export function App({ api }: { api: DiagnosticsApi }) {
  const [screen, setScreen] = useState<ScreenName>('start');
  const [locale, setLocale] = useState<UiLocale>(() => (navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'));
  const [defaults, setDefaults] = useState<Defaults>();
  const [fatal, setFatal] = useState<{ error: unknown }>();
  const [values, setValues] = useState<FormValues>();
  const [linkNotice, setLinkNotice] = useState<LinkEvent>();
  const [preview, setPreview] = useState<Preview>();
  const [exclude, setExclude] = useState<ReadonlySet<string>>(new Set());
  const [screenshot, setScreenshot] = useState<ScreenshotState>({ phase: 'idle', include: false });
  const [progress, setProgress] = useState<ProgressState>();
  const [starting, setStarting] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [notice, setNotice] = useState<Notice>();
  const [upload, setUpload] = useState<UploadStatus>();
  const [checks, setChecks] = useState<ChecksState>();
  const [retrying, setRetrying] = useState(false);
  const [pending, setPending] = useState<PendingUploads>();
  const [shotDismissed, setShotDismissed] = useState(false);
  /** 上传设置 over the current screen (which keeps its state underneath). */
  const [settingsOpen, setSettingsOpen] = useState(false);
  const shown: Shown = settingsOpen ? 'settings' : screen;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const progressRef = useRef<ProgressState>(undefined);
  const early = useRef<SessionEvent[]>([]);
  const screenRef = useRef(screen);
  screenRef.current = screen;
  const t = dictionary(locale);

  // The validator brings zod: loaded right after the first paint, long before anyone submits.
  const [validate, setValidate] = useState<Validate>();
  useEffect(() => {
    void loadValidator().then((v) => setValidate(() => v));
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t.appName;
  }, [locale, t]);

  useEffect(() => {
    let live = true;
    api.getDefaults().then(
      (d) => {
        if (!live) return;
        setDefaults(d);
        setLocale(d.locale);
        setValues((v) => v ?? initialValues(d));
      },
      (err: unknown) => live && setFatal({ error: err }),
    );
    return () => {
      live = false;
    };
  }, [api]);

  useEffect(() => {
    const offProgress = api.onProgress((event) => {
      const state = progressRef.current;
      if (!state) {
        // Arrived before startCollection's reply: replayed once the rows are known.
        early.current.push(event);
        return;
      }
      const next = applySessionEvent(state, event);
      if (next === state) return;
      progressRef.current = next;
      setProgress(next);
      if (isEndEvent(event)) {
        const outcome = outcomeOf(event);
        if (outcome.notice) setNotice(outcome.notice);
        setScreen(outcome.screen);
      }
    });
    const offUpload = api.onUploadState((status) => setUpload(status));
    const offLink = api.onDeepLink((event) => {
      setLinkNotice(event);
      if (event.ok && screenRef.current === 'start') setValues((v) => (v ? { ...v, ticket: event.ticket } : v));
    });
    const offPending = api.onPendingUploads((p) => setPending(p));
    api.getPendingUploads().then(
      (p) => setPending((cur) => cur ?? p),
      () => {},
    );
    return () => {
      offProgress();
      offUpload();
      offLink();
      offPending();
    };
  }, [api]);

  // Each new screen starts with its heading focused, so keyboard and screen-reader users begin at the top.
  useEffect(() => {
    headingRef.current?.focus();
  }, [shown, defaults]);

  /**
   * Only on the user's click: first say that the window will hide, then capture. The picture is
   * not attached until the user turns it on in Review (it is marked sensitive).
   */
  const takeScreenshot = useCallback(() => {
    setScreenshot((s) => ({ ...s, phase: 'hiding' }));
    void new Promise((resolve) => setTimeout(resolve, HIDE_NOTICE_MS))
      .then(() => {
        setScreenshot((s) => ({ ...s, phase: 'taking' }));
        return api.captureScreenshot();
      })
      .then(
        (shot) => setScreenshot({ phase: 'done', shot, include: false }),
        (err: unknown) => setScreenshot({ phase: 'done', shot: { available: false, reason: { 'zh-CN': apiErrorText(err, 'zh-CN'), en: apiErrorText(err, 'en') } }, include: false }),
      );
  }, [api]);

  const goReview = useCallback(() => {
    setNotice(undefined);
    setShotDismissed(true);
    setScreen('review');
  }, []);

  // ui26: the preview is asked again whenever what is switched on changes, so every figure Review
  // shows — each item's size and the total — is the engine's, never summed here. A reply that
  // arrives after a newer question is dropped.
  const includeShot = screenshot.include && screenshot.shot?.available === true;
  const previewAsked = useRef(0);
  useEffect(() => {
    if (screen !== 'review') return;
    const asked = ++previewAsked.current;
    // The problem type decides which evidence is gathered: the preview shows only what will run.
    api.preview({ exclude: [...exclude], ...(values?.problemType ? { problemType: values.problemType } : {}), ...(includeShot ? { includeScreenshot: true } : {}) }).then(
      (p) => {
        if (asked === previewAsked.current) setPreview(p);
      },
      (err: unknown) => {
        if (asked === previewAsked.current) setNotice({ kind: 'error', error: err });
      },
    );
  }, [api, screen, exclude, values, includeShot]);

  const start = useCallback(async () => {
    if (!values) return;
    setStarting(true);
    setNotice(undefined);
    const { ticket, ...intake } = values;
    progressRef.current = undefined;
    early.current = [];
    try {
      const started = await api.startCollection({ ticket, intake, exclude: [...exclude], includeScreenshot: screenshot.include && screenshot.shot?.available === true });
      // A short run can end before its reply arrives: then its end, replayed here, decides the screen.
      const { state, ended } = replayEarly(initialProgress(started, Date.now()), early.current.splice(0));
      const outcome = ended && outcomeOf(ended);
      progressRef.current = state;
      setProgress(state);
      setUpload(undefined);
      setChecks(undefined);
      setCancelling(false);
      setScreen(outcome?.screen ?? 'progress');
      if (outcome?.notice) setNotice(outcome.notice);
    } catch (err) {
      setNotice({ kind: 'failed', error: err });
    } finally {
      setStarting(false);
    }
  }, [api, values, exclude, screenshot]);

  const cancel = useCallback(() => {
    setCancelling(true);
    api.cancelCollection().catch(() => setCancelling(false));
  }, [api]);

  useEffect(() => {
    if (screen !== 'done') return;
    let live = true;
    api.getUploadState().then((u) => live && setUpload((cur) => cur ?? u));
    api.getChecks().then(
      (c) => live && setChecks(c),
      () => live && setChecks({ state: 'done', results: [] }),
    );
    return () => {
      live = false;
    };
  }, [api, screen]);

  const retry = useCallback(() => {
    setRetrying(true);
    api
      .retryUpload()
      .then((u) => setUpload(u))
      .catch(() => {})
      .finally(() => setRetrying(false));
  }, [api]);

  const openDraft = useCallback(
    (): Promise<OpenDraftResponse['opened']> =>
      api.openDraft().then(
        (r) => r.opened,
        () => 'none' as const,
      ),
    [api],
  );

  const finish = useCallback(() => {
    void api.quitApp().catch(() => {});
  }, [api]);

  // 重新收集 keeps who reports and the ticket; the problem, the time and the screenshot start afresh.
  const startOver = useCallback(() => {
    progressRef.current = undefined;
    setProgress(undefined);
    setUpload(undefined);
    setChecks(undefined);
    setScreenshot({ phase: 'idle', include: false });
    setShotDismissed(false);
    if (defaults) setValues(valuesForNewCollection(defaults, values, localMinute(new Date())));
    setScreen('start');
  }, [defaults, values]);

  const switchLanguage = () => setLocale((l) => (l === 'zh-CN' ? 'en' : 'zh-CN'));
  const noticeText = notice && (notice.kind === 'cancelled' ? t.cancelledNotice : notice.kind === 'failed' ? t.failedNotice({ message: apiErrorText(notice.error, locale) }) : apiErrorText(notice.error, locale));
  const shotAllowed = defaults?.screenshot === 'allowed';

  let body: React.ReactNode;
  if (fatal) {
    body = (
      <div className="screen">
        <div className="screen-body">
          <h1 ref={headingRef} tabIndex={-1}>
            {t.appName}
          </h1>
          <div className="banner error" role="alert">
            {apiErrorText(fatal.error, locale)}
          </div>
        </div>
      </div>
    );
  } else if (!defaults || !values) {
    body = (
      <div className="screen">
        <div className="screen-body">
          <p className="muted" role="status">
            {t.loading}
          </p>
        </div>
      </div>
    );
  } else if (settingsOpen) {
    body = <SettingsScreen t={t} locale={locale} api={api} onBack={() => setSettingsOpen(false)} headingRef={headingRef} />;
  } else if (screen === 'start') {
    body = (
      <StartScreen
        t={t}
        locale={locale}
        defaults={defaults}
        values={values}
        validate={validate}
        loadValidator={loadValidator}
        onChange={setValues}
        onNext={goReview}
        headingRef={headingRef}
        pending={pending}
        shotOffer={
          shotAllowed ? { t, locale, screenshot, dismissed: shotDismissed, onTake: takeScreenshot, onDismiss: () => setShotDismissed(true) } : undefined
        }
        {...(linkNotice ? { linkNotice: linkNotice.ok ? { ok: true, ticket: linkNotice.ticket, locked: linkNotice.locked === true } : { ok: false, text: pick(linkNotice.reason, locale) } } : {})}
      />
    );
    // 复现录制: below the form, for the ticket being filled in.
    body = (
      <>
        {body}
        <div className="screen-body">
          <RecordPanel api={api} locale={locale} ticket={values?.ticket ?? defaults.ticket} screenshotAllowed={defaults.screenshot === 'allowed'} />
        </div>
      </>
    );
  } else if (screen === 'review') {
    body = (
      <ReviewScreen
        t={t}
        locale={locale}
        preview={preview}
        exclude={exclude}
        onToggle={(id, on) =>
          setExclude((prev) => {
            const next = new Set(prev);
            if (on) next.delete(id);
            else next.add(id);
            return next;
          })
        }
        screenshot={screenshot}
        onTakeScreenshot={takeScreenshot}
        onIncludeScreenshot={(include) => setScreenshot((s) => ({ ...s, include }))}
        onBack={() => setScreen('start')}
        onStart={() => void start()}
        starting={starting}
        headingRef={headingRef}
        {...(notice && noticeText ? { notice: { kind: notice.kind === 'cancelled' ? 'warn' : 'error', text: noticeText } } : {})}
      />
    );
  } else if (screen === 'progress' && progress) {
    body = <ProgressScreen t={t} locale={locale} state={progress} onCancel={cancel} cancelling={cancelling} headingRef={headingRef} />;
  } else if (screen === 'done' && progress?.result) {
    const status: UploadStatus = upload ?? { target: defaults.upload.target, targetName: defaults.upload.targetName, state: 'none', sentBytes: 0, totalBytes: 0, attempts: 0 };
    body = (
      <DoneScreen
        t={t}
        locale={locale}
        result={progress.result}
        rows={progress.rows}
        upload={status}
        checks={checks}
        retrying={retrying}
        onRetry={retry}
        onOpenFolder={() => void api.openFolder().catch(() => {})}
        onOpenDraft={openDraft}
        onCopy={() => copyText(detailsText(t, locale, progress.result, progress.rows, status))}
        onNew={startOver}
        onFinish={finish}
        onOpenSettings={() => setSettingsOpen(true)}
        compare={<CompareCard t={t} locale={locale} api={api} />}
        headingRef={headingRef}
      />
    );
  }

  return (
    <div className="app">
      <Header t={t} locale={locale} step={STEP[screen]} onSwitchLanguage={switchLanguage} {...(defaults && !settingsOpen ? { onOpenSettings: () => setSettingsOpen(true) } : {})} />
      <main id="main" className="main">
        {body}
      </main>
    </div>
  );
}
