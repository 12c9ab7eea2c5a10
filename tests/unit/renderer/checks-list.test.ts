/** The Done screen's checklist (renderer/src/components/checks-list.tsx): the user's sentences and actions only. */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ChecksList } from '../../../renderer/src/components/checks-list.js';
import { DICTIONARIES } from '../../../renderer/src/i18n.js';
import { cm } from '../../../shared/check-messages.js';
import { checkResult } from '../../helpers/check-result.js';
import { englishSentences } from '../../helpers/english-scan.js';

const results = [
  checkResult({ id: 'gateway', group: 'network', title: cm('title.gateway'), status: 'pass', detail: cm('gateway.neighbour', { gateway: 'fd00::1' }), advice: [], durationMs: 1, user: { show: true, sentence: cm('user.gateway.ok') } }),
  checkResult({ id: 'dns', group: 'network', title: cm('title.dns'), status: 'fail', detail: cm('dns.nxdomain', { name: 'portal.corp.test' }), advice: [cm('advice.checkDnsServers')], durationMs: 1, user: { show: true, sentence: cm('user.dns.down'), action: cm('user.action.contactIt') } }),
  checkResult({ id: 'endpoints', group: 'network', title: cm('title.endpoints'), status: 'skipped', detail: cm('endpoints.notConfigured'), advice: [], durationMs: 0, user: { show: false, sentence: cm('user.notChecked') } }),
];

describe('ChecksList', () => {
  it('zh-CN: plain sentences and the one action; no technical detail, no unconfigured check, no English', () => {
    const page = renderToStaticMarkup(createElement(ChecksList, { t: DICTIONARIES['zh-CN'], locale: 'zh-CN', checks: { state: 'done', results } }));
    expect(page).toContain('电脑已连接到网络');
    expect(page).toContain('查找不到网站和服务器的地址');
    expect(page).toContain('→ 请联系 IT 部门处理');
    expect(page).not.toMatch(/NXDOMAIN|ARP|fd00|checks\.endpoints|data-check="endpoints"/);
    expect(englishSentences(page.replace(/<[^>]+>/g, ' '))).toEqual([]);
  });

  it('en, and "none" when nothing is for the user', () => {
    const page = renderToStaticMarkup(createElement(ChecksList, { t: DICTIONARIES.en, locale: 'en', checks: { state: 'done', results } }));
    expect(page).toContain('The computer is connected to the network');
    expect(page).toContain('→ Contact your IT department');
    const none = renderToStaticMarkup(createElement(ChecksList, { t: DICTIONARIES.en, locale: 'en', checks: { state: 'done', results: [results[2]!] } }));
    expect(none).toContain(DICTIONARIES.en.checksNone);
  });
});
