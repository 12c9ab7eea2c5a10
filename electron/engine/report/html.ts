/**
 * HTML built only through a tagged template that escapes every interpolated value: a string
 * from an intake form, a file name or a command's output can never become markup. Only
 * `SafeHtml` (the template's own output) passes through unescaped.
 */

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false || value === true) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** `html\`<td>${text}</td>\`` — every value escaped; arrays joined; null/undefined/booleans dropped. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1]!;
  });
  return new SafeHtml(out);
}

/** Trusted markup written by this module only (CSS, the doctype). Never pass user data. */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** What a page of the archive is made of besides its body. */
export interface PageFrame {
  lang: string;
  title: string;
  /** The page's own CSS, added after the shared style (PAGE_CSS). */
  css: string;
  /** Pictures only from here: `data:` (inlined), or `'self'` for files beside the page. */
  imgSrc: 'data:' | "'self'";
  /** `<meta name="generator">`, when the page names the tool's version. */
  generator?: string;
}

/**
 * The `<head>` of every page of the archive (summary, timeline, steps, comparison): no scripts,
 * nothing from elsewhere (the CSP says so too), the shared style and the page's own inline.
 */
export function pageHead(page: PageFrame): SafeHtml {
  return html`<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src ${trusted(page.imgSrc)}">
${page.generator ? html`<meta name="generator" content="${page.generator}">
` : ''}<title>${page.title}</title>
<style>${trusted(PAGE_CSS + page.css)}</style>
</head>`;
}

/** A page of the archive that opens on its own: the doctype, pageHead and the body. */
export function standalonePage(page: PageFrame & { body: SafeHtml }): string {
  return `<!DOCTYPE html>
<html lang="${escapeHtml(page.lang)}">
${pageHead(page)}
<body>
${page.body}
</body>
</html>
`;
}

/**
 * The style every page of the archive shares (the summary page's): colours, masthead, cards,
 * badges, tables, print on A4. Pages add their own after it.
 */
export const PAGE_CSS = `
:root{--ink:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#f6f8fa;--card:#fff;--navy:#0b2545;--accent:#0969da;
--pass:#116329;--pass-bg:#dafbe1;--warn:#7d4e00;--warn-bg:#fff8c5;--fail:#a40e26;--fail-bg:#ffebe9;--skip:#424a53;--skip-bg:#eaeef2}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);font:14px/1.5 -apple-system,"Segoe UI","PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","Noto Sans","Droid Sans Fallback",system-ui,sans-serif}
.wrap{max-width:1180px;margin:0 auto;padding:0 24px}
.masthead{background:var(--navy);color:#fff;padding:18px 0 16px}
.eyebrow{margin:0;font-size:12px;letter-spacing:.06em;text-transform:uppercase;color:#c9d6e8}
h1{margin:2px 0 6px;font-size:28px;line-height:1.2;font-weight:650}
.meta{margin:0;display:flex;flex-wrap:wrap;gap:4px 22px;color:#e3ebf5;font-size:13px}
main{padding-top:18px;padding-bottom:8px}
h2{font-size:17px;margin:0 0 10px;font-weight:650}
h3{font-size:14px;margin:16px 0 6px;font-weight:650;color:var(--ink)}
.tally{font-weight:400;color:var(--muted);font-size:12.5px;margin-left:6px}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:16px 18px;margin:0 0 16px}
.grid{display:grid;grid-template-columns:minmax(0,1.15fr) minmax(0,1fr);gap:16px}
.grid>.card{margin:0 0 16px}
.verdict{border-radius:10px;padding:14px 18px;margin:0 0 16px;border:1px solid;border-left-width:6px}
.verdict h2{margin:0 0 6px;font-size:18px}
.v-fail{background:var(--fail-bg);border-color:#ff8182;color:#5c0a15}
.v-warn{background:var(--warn-bg);border-color:#d4a72c;color:#4d2d00}
.v-pass{background:var(--pass-bg);border-color:#4ac26b;color:#0b3d1c}
.v-none{background:var(--skip-bg);border-color:#afb8c1;color:var(--ink)}
.verdict h2:last-child{margin:0}
.issues{list-style:none;margin:0;padding:0}
.issues li{padding:5px 0;border-top:1px solid rgba(0,0,0,.08)}
.issues li:first-child{border-top:0}
.incomplete{margin:8px 0 0}
.badge{display:inline-flex;align-items:center;gap:4px;padding:1px 8px 1px 6px;border-radius:999px;font-size:12px;font-weight:600;white-space:nowrap;border:1px solid transparent;line-height:1.5}
.badge .icon{font-weight:700}
.badge.pass{color:var(--pass);background:var(--pass-bg);border-color:#aceebb}
.badge.warn{color:var(--warn);background:var(--warn-bg);border-color:#eac54f}
.badge.fail{color:var(--fail);background:var(--fail-bg);border-color:#ffcecb}
.badge.skipped{color:var(--skip);background:var(--skip-bg);border-color:#d1d9e0}
.prio{display:inline-block;padding:0 8px;border-radius:999px;font-weight:650}
.prio-high{background:#ffebe9;color:#a40e26}.prio-medium{background:#fff8c5;color:#6c4400}.prio-low{background:#eaeef2;color:#424a53}
.description{white-space:pre-wrap;font-size:15px;margin:0 0 10px;padding:10px 12px;background:#f6f8fa;border-radius:8px;border:1px solid #e6eaef;overflow-wrap:anywhere}
.pre{white-space:pre-wrap}
.muted{color:var(--muted)}.small{font-size:12.5px}
.fields{margin:0;display:grid;grid-template-columns:1fr;gap:0}
.fields.cols{grid-template-columns:repeat(2,minmax(0,1fr));column-gap:24px}
.field{display:grid;grid-template-columns:9.5em minmax(0,1fr);gap:10px;padding:4px 0;border-top:1px solid #eef1f4}
.field:first-child{border-top:0}
.fields.cols .field:nth-child(2){border-top:0}
dt{color:var(--muted)}dd{margin:0;overflow-wrap:anywhere}
table{width:100%;border-collapse:collapse;font-size:13px}
th,td{text-align:left;vertical-align:top;padding:6px 8px;border-top:1px solid #e6eaef}
thead th{border-top:0;border-bottom:1px solid var(--line);color:var(--muted);font-weight:600;font-size:12px;white-space:nowrap}
tbody th{font-weight:600}
tfoot th,tfoot td{border-top:1px solid var(--line);font-weight:600}
.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
.mono{font-family:ui-monospace,"SFMono-Regular","Cascadia Mono",Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:12.5px;overflow-wrap:anywhere}
.sub{display:block;font-weight:400;color:var(--muted);font-size:12px}
.sub-inline{color:var(--muted);font-size:12px}
.checks .c-status{width:92px}.checks .c-check{width:21%}.checks .c-advice{width:30%}
.checks tbody th{font-weight:600}
.row-fail td,.row-fail th{background:#fff8f7}
.row-warn td,.row-warn th{background:#fffdf0}
.advice{margin:0;padding-left:1.3em}
.advice li{margin:0 0 2px}
.c-bar{width:34%}
.bar{display:inline-block;vertical-align:middle;width:150px;max-width:60%;height:10px;border-radius:5px;background:#e6eaef;overflow:hidden;margin-right:8px;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.fields .bar{width:84px}
.fill{display:block;height:100%;border-radius:5px}
.fill.ok{background:#2f81f7}.fill.warn{background:#d4a72c}.fill.fail{background:#cf222e}
.pct{font-variant-numeric:tabular-nums;color:var(--muted);font-size:12px}
.t-warn{color:var(--warn);font-weight:600}.t-fail{color:var(--fail);font-weight:600}
.tag{display:inline-block;padding:0 6px;border-radius:4px;background:var(--warn-bg);color:var(--warn);font-size:12px;font-weight:600}
.shot{margin:0}
.shot img{display:block;max-width:100%;max-height:420px;width:auto;height:auto;border:1px solid var(--line);border-radius:6px;background:#fff}
figcaption{color:var(--muted);font-size:12px;margin-top:6px}
.foot{color:var(--muted);font-size:12px;padding-bottom:28px}
.foot p{margin:4px 0}
@media (max-width:820px){.grid{grid-template-columns:1fr}.fields.cols{grid-template-columns:1fr}.checks .c-advice{width:auto}}
@page{size:A4;margin:12mm 11mm}
@media print{
body{background:#fff;font-size:9.5pt;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.wrap{max-width:none;padding:0}
.masthead{background:#fff;color:var(--ink);border-bottom:2px solid var(--navy);padding:0 0 6px}
.eyebrow{color:var(--muted)}.meta{color:var(--ink)}
h1{font-size:20pt}
main{padding-top:8px}
.card{border:0;border-top:1px solid var(--line);border-radius:0;padding:8px 0 4px;margin:0 0 8px;break-inside:auto}
.grid{grid-template-columns:1fr 1fr;gap:12px}
.verdict{break-inside:avoid}
h2{font-size:12.5pt;break-after:avoid}h3{break-after:avoid}
table{font-size:8.5pt}
thead{display:table-header-group}
tr{break-inside:avoid}
.shot img{max-height:90mm}
.bar{width:90px}
}
`;
