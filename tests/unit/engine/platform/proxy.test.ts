/** The one proxy resolution for checks and uploads (electron/engine/platform/proxy.ts). */
import { describe, expect, it } from 'vitest';
import { displayProxy, isLoopbackHost, parseProxyUrl, resolveProxy } from '../../../../electron/engine/platform/proxy.js';

describe('resolveProxy', () => {
  it('picks https_proxy / http_proxy by the target scheme, either case, lower case first, then all_proxy', () => {
    expect(resolveProxy(new URL('https://t.example/'), { HTTPS_PROXY: 'http://a:1', https_proxy: 'http://b:2' })).toMatchObject({ variable: 'https_proxy', display: 'http://b:2' });
    expect(resolveProxy(new URL('http://t.example/'), { HTTP_PROXY: 'a:3128' })).toMatchObject({ variable: 'HTTP_PROXY', display: 'http://a:3128' });
    expect(resolveProxy(new URL('http://t.example/'), { HTTPS_PROXY: 'http://a:1' })).toBeUndefined();
    expect(resolveProxy(new URL('https://t.example/'), { all_proxy: 'http://c:8080' })?.display).toBe('http://c:8080');
  });

  it('no_proxy exempts hosts, domains and host:port', () => {
    const env = { HTTPS_PROXY: 'http://p:1', NO_PROXY: 'example.test, .corp.test, t.example:8443' };
    expect(resolveProxy(new URL('https://a.example.test/'), env)).toBeUndefined();
    expect(resolveProxy(new URL('https://x.corp.test/'), env)).toBeUndefined();
    expect(resolveProxy(new URL('https://t.example:8443/'), env)).toBeUndefined();
    expect(resolveProxy(new URL('https://t.example/'), env)?.display).toBe('http://p:1');
  });

  it('a loopback target uses only a proxy on this machine', () => {
    expect(resolveProxy(new URL('http://127.0.0.1:3000/'), { HTTP_PROXY: 'http://proxy.corp:3128' })).toBeUndefined();
    expect(resolveProxy(new URL('http://localhost:3000/'), { HTTP_PROXY: 'http://10.0.0.1:3128' })).toBeUndefined();
    expect(resolveProxy(new URL('http://[::1]:3000/'), { HTTP_PROXY: 'http://127.0.0.1:3128' })?.display).toBe('http://127.0.0.1:3128');
    expect(resolveProxy(new URL('http://127.0.0.1:3000/'), { HTTP_PROXY: 'http://localhost:3128' })?.display).toBe('http://localhost:3128');
    for (const h of ['localhost', 'app.localhost', '127.0.0.1', '127.1.2.3', '[::1]', '::1']) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ['10.0.0.1', 'localhost.example', '128.0.0.1', 'proxy']) expect(isLoopbackHost(h), h).toBe(false);
  });

  it('never shows credentials; an unparsable value is no proxy', () => {
    const url = parseProxyUrl('http://user:secret@proxy.corp:3128')!;
    expect(displayProxy(url)).toBe('http://proxy.corp:3128');
    expect(resolveProxy(new URL('https://t.example/'), { HTTPS_PROXY: 'http://[bad' })).toBeUndefined();
  });
});
