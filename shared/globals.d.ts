/**
 * The few globals shared/ may use: those the browser and Node both provide (WHATWG URL).
 * shared/ is type-checked with neither the DOM lib nor Node's types (shared/tsconfig.json), so a
 * `process`, `Buffer` or `document` here is a type error; only shared/tsconfig.json includes
 * this file (the other layers get URL from their own lib). Extend it only with a global that
 * exists in both runtimes.
 */
interface URLSearchParams {
  get(name: string): string | null;
  getAll(name: string): string[];
  has(name: string): boolean;
  keys(): IterableIterator<string>;
  entries(): IterableIterator<[string, string]>;
  toString(): string;
}

interface URL {
  hash: string;
  host: string;
  hostname: string;
  href: string;
  readonly origin: string;
  password: string;
  pathname: string;
  port: string;
  protocol: string;
  search: string;
  readonly searchParams: URLSearchParams;
  username: string;
  toString(): string;
  toJSON(): string;
}

declare var URL: {
  prototype: URL;
  new (url: string | URL, base?: string | URL): URL;
  canParse(url: string | URL, base?: string | URL): boolean;
};
