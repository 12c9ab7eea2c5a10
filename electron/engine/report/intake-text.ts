import type { ArchiveLanguage } from '../../../shared/naming.js';
import type { Intake } from '../../../shared/types.js';

const LABELS: Record<ArchiveLanguage, Record<keyof Intake | 'ticket' | 'collectedAt' | 'host', string>> = {
  'zh-CN': {
    ticket: '工单号',
    name: '姓名',
    contact: '联系方式',
    department: '所属部门',
    productName: '产品名称',
    productModel: '型号',
    productVersion: '版本',
    problemDescription: '问题描述',
    occurredAt: '发生时间',
    priority: '优先级',
    problemType: '问题类型',
    stepsToReproduce: '重现步骤',
    solutionsTried: '已尝试的解决方案',
    collectedAt: '收集时间',
    host: '计算机名',
  },
  en: {
    ticket: 'Ticket',
    name: 'Name',
    contact: 'Contact',
    department: 'Department',
    productName: 'Product name',
    productModel: 'Model',
    productVersion: 'Version',
    problemDescription: 'Problem description',
    occurredAt: 'Time of occurrence',
    priority: 'Priority',
    problemType: 'Problem type',
    stepsToReproduce: 'Steps to reproduce',
    solutionsTried: 'Solutions tried',
    collectedAt: 'Collected at',
    host: 'Computer name',
  },
};

const PRIORITY_EN = { 高: 'high (高)', 中: 'medium (中)', 低: 'low (低)' } as const;
const PROBLEM_TYPE: Record<ArchiveLanguage, Record<NonNullable<Intake['problemType']>, string>> = {
  'zh-CN': { connection: '连接问题', malfunction: '功能异常', slow: '运行缓慢', other: '其他' },
  en: { connection: 'connection problem (连接问题)', malfunction: 'malfunction (功能异常)', slow: 'running slowly (运行缓慢)', other: 'other (其他)' },
};
const NOT_GIVEN: Record<ArchiveLanguage, string> = { 'zh-CN': '（未填写）', en: '(not given)' };

/** `YYYY-MM-DD HH:mm` local time: the guide records times to the minute. */
export function formatMinute(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** The intake record (信息记录) as the `工单信息.txt` entry. */
export function formatIntake(ticket: string, intake: Intake, lang: ArchiveLanguage, collectedAt: Date, host: string): string {
  const l = LABELS[lang];
  const value = (v: string | undefined) => (v && v.trim() ? v.trim() : NOT_GIVEN[lang]);
  const line = (label: string, v: string | undefined) => `${label}: ${value(v)}`;
  const block = (label: string, v: string) => `${label}:\n${value(v).replace(/^/gm, '  ')}`;
  const title = lang === 'zh-CN' ? '【技术支持】工单信息' : 'Support ticket information';
  return [
    title,
    '='.repeat(24),
    line(l.ticket, ticket),
    line(l.collectedAt, formatMinute(collectedAt)),
    line(l.host, host),
    '',
    line(l.name, intake.name),
    line(l.contact, intake.contact),
    line(l.department, intake.department),
    line(l.productName, intake.productName),
    line(l.productModel, intake.productModel),
    line(l.productVersion, intake.productVersion),
    line(l.occurredAt, intake.occurredAt),
    line(l.priority, intake.priority === undefined ? undefined : lang === 'en' ? PRIORITY_EN[intake.priority] : intake.priority),
    line(l.problemType, intake.problemType === undefined ? undefined : PROBLEM_TYPE[lang][intake.problemType]),
    '',
    block(l.problemDescription, intake.problemDescription),
    '',
    block(l.stepsToReproduce, intake.stepsToReproduce),
    '',
    block(l.solutionsTried, intake.solutionsTried),
    '',
  ].join('\n');
}
