/** Small line icons (inline SVG, currentColor: they follow forced-colors and the text colour). */
export type IconName = 'check' | 'cross' | 'warn' | 'minus' | 'clock' | 'spinner' | 'lock' | 'folder' | 'copy' | 'retry' | 'camera' | 'shield' | 'mail';

const PATHS: Record<IconName, string> = {
  check: 'M4 10.5l4 4 8-9',
  cross: 'M5 5l10 10M15 5L5 15',
  warn: 'M10 3l8 14H2L10 3zM10 8v4M10 14.5v.5',
  minus: 'M5 10h10',
  clock: 'M10 3a7 7 0 1 0 0 14a7 7 0 1 0 0-14zM10 6v4l3 2',
  spinner: 'M10 3a7 7 0 1 1-7 7',
  lock: 'M5 9h10v8H5zM7 9V6a3 3 0 0 1 6 0v3',
  folder: 'M2 5h6l2 2h8v9H2z',
  copy: 'M7 7h9v10H7zM4 13V3h9',
  retry: 'M15 6a6 6 0 1 0 1 6M15 2v4h-4',
  camera: 'M3 6h3l2-2h4l2 2h3v10H3zM10 8a3 3 0 1 0 0 6a3 3 0 1 0 0-6z',
  shield: 'M10 2l7 3v5c0 4-3 7-7 8c-4-1-7-4-7-8V5z',
  mail: 'M2 5h16v10H2zM2 5l8 6l8-6',
};

export function Icon({ name, className }: { name: IconName; className?: string }) {
  return (
    <svg className={`icon ${name === 'spinner' ? 'spin ' : ''}${className ?? ''}`} viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
