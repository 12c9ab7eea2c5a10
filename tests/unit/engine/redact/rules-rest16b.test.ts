/**
 * Person names held-out-16 missed (session 15, task rest16b), by family, with tools, separators and
 * layouts the set does not have, and the look-alikes each fix must keep. A fresh Redactor per case.
 */
import { describe, expect, it } from 'vitest';
import { check, file, unchanged } from './helpers.js';

describe('CSV person columns: more role headers, lists in one cell, a desk before the name', () => {
  it('takes the people of visitor, interview and asset exports', async () => {
    const visitors = await file(
      'visitors.csv',
      '单号,来访人姓名,证件类型,证件号,被访人,接待部门,登记人\nV1,秋若彤,身份证,x,蒙建伟,财务部,保安-年佳慧\nV2,Anna van Dijk,护照,NXK4P81R2,房晓光,行政部,前台-包小雨\n',
    );
    expect(visitors).toBe(
      '单号,来访人姓名,证件类型,证件号,被访人,接待部门,登记人\nV1,<NAME-1>,身份证,x,<NAME-2>,财务部,保安-<NAME-3>\nV2,<NAME-4>,护照,<PASSPORT-1>,<NAME-5>,行政部,前台-<NAME-6>\n',
    );
    const interviews = await file('candidates.csv', 'id,姓名,面试官,推荐人\n7,戈雅静,"宣明远;缪晨阳",屠志远\n8,钮海峰,邵丹、于欢,-\n');
    expect(interviews).toBe('id,姓名,面试官,推荐人\n7,<NAME-1>,"<NAME-2>;<NAME-3>",<NAME-4>\n8,<NAME-5>,<NAME-6>、<NAME-7>,-\n');
    const assets = await file('assets.csv', 'Asset Tag,Model,Checked Out To,Location\nA-1,X1 Carbon,Priya Venkataraman,Singapore\nA-2,MBP 14,侯成,杭州\n');
    expect(assets).toBe('Asset Tag,Model,Checked Out To,Location\nA-1,X1 Carbon,<NAME-1>,Singapore\nA-2,MBP 14,<NAME-2>,杭州\n');
  });

  it('keeps departments, places, products and the rows of other documents in those columns', async () => {
    const text = 'id,被访人,面试官,Checked Out To,证件类型,证件号\n1,财务部,技术面;终面,Conference Room,港澳居民居住证,HK1234567\n2,行政部-前台,年度评审,Sales Team,护照,ABCDEFGH1\n';
    expect(await file('x.csv', text)).toBe(text);
  });
});

describe('keyed names: more role keys, a department between key and name, nested values', () => {
  it('takes the name after payee, referrer, certificate-holder and registrar keys', () => {
    check([
      ['内推(推荐人: 屠志远)', '内推(推荐人: <NAME-1>)'],
      ['  收款人  全  称: 尉迟婉清', '  收款人  全  称: <NAME-1>'],
      ['付款人全称：闻人志诚 账号 6222', '付款人全称：<NAME-1> 账号 6222'],
      ['客户名称: 钱沐阳      证件类型: 居民身份证', '客户名称: <NAME-1>      证件类型: 居民身份证'],
      ['持证人   景浩', '持证人   <NAME-1>'],
      ['婚姻登记员: 桂丽华', '婚姻登记员: <NAME-1>'],
      ['被访人：宣怡然（8213）', '被访人：<NAME-1>（8213）'],
      ['    联系人: 人力资源部 阚晓婷  分机: 2207', '    联系人: 人力资源部 <NAME-1>  分机: 2207'],
      ['负责人：信息中心 秋若彤', '负责人：信息中心 <NAME-1>'],
      ['"order.audit.owner": { "value": "段志强" },', '"order.audit.owner": { "value": "<NAME-1>" },'],
      ['兹证明 宣怡然 女士 (身份证号: 330106199105281429)', '兹证明 <NAME-1> 女士 (身份证号: <CNID-1>)'],
    ]);
  });

  it('keeps companies, regions, roles and topics after those keys', () => {
    unchanged([
      '客户名称: 杭州某某科技有限公司',
      '客户名称: 华东区',
      '推荐人: 无',
      '持证人   本人',
      '联系人: 人力资源部',
      '"order.audit.owner": { "value": "finance" },',
      '年度报告: 年度汇总',
      '宣传部 年会 通知',
    ]);
  });
});
