/**
 * Realistic inputs for the summary page: a real session (the default collectors of this
 * machine, no screenshot) written to a real archive, its system and network JSON read back from
 * the zip, and the real checklist run against real local servers — one answering, one hanging,
 * one refusing — with a product whose version command is a stand-in script.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { PolicySchema } from '../../shared/policy.js';
import type { ArchiveLanguage } from '../../shared/naming.js';
import type { CheckResult, Intake, Manifest } from '../../shared/types.js';
import { runChecks } from '../../electron/engine/checks/runner.js';
import { summaryDataFromEntries, type SummaryData } from '../../electron/engine/report/summary-data.js';
import { runSession } from '../../electron/engine/session.js';
import { installStandIns } from '../unit/engine/collectors/stand-ins.js';
import { refusedPort, startHangingServer, startHttpServer } from './check-servers.js';
import { readZip } from './zip.js';

export const INTAKE_ZH: Partial<Intake> = {
  name: '张伟',
  contact: 'zhang.wei@example.com / 138-0013-8000',
  department: '财务部',
  productName: 'XX财务软件',
  productModel: '企业版',
  productVersion: '2.3.1',
  problemDescription: '登录后点击“报表”页面一直转圈，约 30 秒后提示：错误代码 E1023，无法连接到服务器。\n今天上午 9 点开始出现，同一办公室其他同事的电脑正常。',
  occurredAt: '2026-11-24 09:12',
  priority: '高',
  stepsToReproduce: '1. 打开 XX财务软件\n2. 使用自己的账号登录\n3. 点击“报表”',
  solutionsTried: '重启了软件；清理了浏览器缓存；重新登录',
};

export const INTAKE_EN: Partial<Intake> = {
  name: 'Wei Zhang',
  contact: 'zhang.wei@example.com',
  department: 'Finance',
  productName: 'XX Finance',
  productModel: 'Enterprise',
  productVersion: '2.3.1',
  problemDescription: 'After logging in, the "Reports" page keeps loading and after about 30 s shows: error E1023, cannot connect to the server.\nStarted this morning at 9:00; colleagues in the same office are fine.',
  occurredAt: '2026-11-24 09:12',
  priority: '高',
  stepsToReproduce: '1. Open XX Finance\n2. Log in\n3. Click "Reports"',
  solutionsTried: 'Restarted the software; cleared the browser cache; logged in again',
};

export interface SummaryFixture extends SummaryData {
  manifest: Manifest;
  checks: CheckResult[];
  redactions: Record<string, number>;
  archivePath: string;
}

export async function buildSummaryFixture(lang: ArchiveLanguage): Promise<SummaryFixture> {
  const [ok, skewed, hanging, refused] = await Promise.all([startHttpServer(), startHttpServer({ dateOffsetMs: 95_000 }), startHangingServer(), refusedPort()]);
  const standIns = installStandIns({ xxfinance: 'echo "XX Finance 2.3.1 (build 2024.11)"' });
  try {
    const zh = lang === 'zh-CN';
    const policy = PolicySchema.parse({
      archiveLanguage: lang,
      products: [{ name: zh ? 'XX财务软件' : 'XX Finance', versionCommand: ['xxfinance', '--version'], minimumVersion: '2.0', versionUrl: `${ok.url}/version.json` }],
      checks: {
        probeTimeoutMs: 1500,
        endpoints: [
          { name: zh ? '支持门户' : 'Support portal', url: `${ok.url}/` },
          { name: zh ? '报表服务器' : 'Report server', url: `${hanging.url}/api/reports` },
          { name: zh ? '授权服务器' : 'License server', url: `http://127.0.0.1:${refused}/license` },
        ],
        captivePortal: { url: `${ok.url}/generate_204` },
        timeUrl: skewed.url,
        supportedOs: [{ id: 'debian', minVersion: '11' }, { id: 'ubuntu', minVersion: '20.04' }, { id: 'uos' }, { id: 'windows', minVersion: '10.0.19045' }],
        browsers: [{ name: 'chromium', minVersion: '120' }, { name: 'firefox', minVersion: '115' }],
      },
    });
    const outDir = mkdtempSync(join(os.tmpdir(), 'summary-fixture-'));
    const [session, checks] = await Promise.all([
      runSession({ ticket: '12345', intake: zh ? INTAKE_ZH : INTAKE_EN, policy, outDir, lang, consentSensitive: false, host: 'pc-finance-07' }),
      runChecks({ policy, env: {} }),
    ]);
    const entries = await readZip(session.archivePath);
    const data = summaryDataFromEntries(entries, lang);
    return {
      manifest: session.manifest,
      checks,
      ...data,
      redactions: { email: 2, 'phone-cn': 1, 'ipv4-public': 4, 'password-assignment': 1 },
      archivePath: session.archivePath,
    };
  } finally {
    standIns.restore();
    await Promise.all([ok.close(), skewed.close(), hanging.close()]);
  }
}
