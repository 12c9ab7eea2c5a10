/**
 * Checks that turn a regex candidate into a finding: checksums (Luhn, ISO 7064), entropy and
 * address ranges. Pure functions on strings, so the rules stay declarative.
 */
import { isIPv6 } from 'node:net';

/** Luhn (mod 10) over a string of digits. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i -= 1) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'discover' | 'unionpay' | 'jcb' | 'diners' | 'boc';

/**
 * The brand a card number's issuer prefix (IIN) and length belong to, or undefined. Lengths per
 * brand keep random long numbers (order ids, nanosecond stamps) from passing on Luhn alone.
 */
export function cardBrand(digits: string): CardBrand | undefined {
  const n = digits.length;
  const p2 = Number(digits.slice(0, 2));
  const p4 = Number(digits.slice(0, 4));
  if (digits[0] === '4') return n === 13 || n === 16 || n === 19 ? 'visa' : undefined;
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return n === 16 ? 'mastercard' : undefined;
  if (p2 === 34 || p2 === 37) return n === 15 ? 'amex' : undefined;
  if (p2 === 62) return n >= 16 && n <= 19 ? 'unionpay' : undefined;
  if (p4 === 6011 || p2 === 65 || (p4 >= 6440 && p4 <= 6499)) return n >= 16 && n <= 19 ? 'discover' : undefined;
  // Bank of China's own Great Wall debit cards (长城电子借记卡, IIN 6013xx) predate UnionPay's 62.
  if (p4 === 6013) return n === 16 || n === 19 ? 'boc' : undefined;
  if (p4 >= 3528 && p4 <= 3589) return n >= 16 && n <= 19 ? 'jcb' : undefined;
  if (p2 === 36 || p2 === 38 || p2 === 39 || (p4 >= 3000 && p4 <= 3059)) return n >= 14 && n <= 19 ? 'diners' : undefined;
  return undefined;
}

const CN_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CN_ID_CHECK = '10X98765432';

/** 18-character PRC resident identity number with a valid ISO 7064 MOD 11-2 check character. */
export function cnIdValid(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += (id.charCodeAt(i) - 48) * CN_ID_WEIGHTS[i]!;
  return CN_ID_CHECK[sum % 11] === id[17]!.toUpperCase();
}

/** Shannon entropy in bits per character. */
export function shannonEntropy(text: string): number {
  if (text.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const c of counts.values()) {
    const p = c / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Random-looking enough to be a key: at least 20 characters, letters and digits mixed, entropy
 * above 3.0 bits/char for hex (random hex tops out at 4) and 3.5 for wider alphabets. UUIDs,
 * paths and lower-case word chains (`server-2024-prod-key`) are identifiers, not secrets.
 */
export function looksRandom(token: string): boolean {
  if (token.length < 20 || UUID.test(token)) return false;
  if (/^[./~]/.test(token)) return false;
  if (!/[0-9]/.test(token) || !/[A-Za-z]/.test(token)) return false;
  const hex = /^[0-9a-fA-F]+$/.test(token);
  if (!hex && token === token.toLowerCase() && /[-_/]/.test(token)) return false;
  return shannonEntropy(token) >= (hex ? 3.0 : 3.5);
}

/** Dotted quad to its 32-bit value, or undefined when not a valid address. */
function ipv4Value(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || (part.length > 1 && part[0] === '0')) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    value = value * 256 + n;
  }
  return value;
}

// [network, prefix length]: private, loopback, link-local, CGNAT, documentation, benchmark,
// multicast and reserved ranges (RFC 6890) — none of them identify a site on the internet.
const IPV4_NON_PUBLIC: ReadonlyArray<[string, number]> = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
];
const IPV4_RANGES = IPV4_NON_PUBLIC.map(([net, bits]) => {
  const size = 2 ** (32 - bits);
  const start = ipv4Value(net)!;
  return [start, start + size - 1] as const;
});

/** A valid IPv4 address routable on the public internet. */
export function isPublicIPv4(ip: string): boolean {
  const v = ipv4Value(ip);
  if (v === undefined) return false;
  return !IPV4_RANGES.some(([lo, hi]) => v >= lo && v <= hi);
}

/** A valid IPv6 global unicast address (2000::/3), excluding documentation 2001:db8::/32. */
export function isPublicIPv6(ip: string): boolean {
  const bare = ip.replace(/%.*$/, '');
  if (!isIPv6(bare)) return false;
  const first = bare.split(':')[0] ?? '';
  if (first === '') return false;
  const hextet = parseInt(first, 16);
  if (hextet < 0x2000 || hextet > 0x3fff) return false;
  return !/^2001:0?db8:/i.test(bare);
}

// The commonest Chinese surnames (about 90 % of the population), single and compound: a name
// beside 姓名/联系人 must start with one, so `管理员`, `系统`, `财务部` are not taken for names.
const SURNAMES = new Set(
  [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝傅赖洪冀屠郁鄢竺冼匡鞠谌蔺胥栗廉奚邸郜杭萧禹狄裘嵇荀芮储宓郗钭邰郦濮扈晁訾阚蒯逯桓昝贲钮惠税揭逄粟佴暴幸乐井封阎贝危秋年戈宣闻' +
    // Rarer 百家姓 surnames (session 17, name18: 隆, 薄, 阙, 汲, 庹 went unseen in forms): only characters that seldom lead a word
    // of logs or forms; the words they do lead are in NOT_A_NAME (隆重, 薄弱, 汲取 …).
    '隆薄阙汲庹郏茹谈茅荆萨隗郇闾伏邴糜芈羿蓟苍莘贡扶堵宰璩寿宦庾暨弘禄殳蔚夔厍勾乜束厉戎韶鄂咸慕燕浦衡谯眭蹇笪郤雍亢仝粟麴於蓬' +
      // Session 18 (name19): 满 (a 拼多多 export's 收货人 满秀英); the words it leads are in NOT_A_NAME.
      '满' +
    // cjk25 (session 23): the commonest surnames in traditional characters (Taiwan, Hong Kong: 陳, 張, 黃 …); the words they lead
    // are in NOT_A_NAME (顧客, 嚴重, 萬一 …).
    '陳張劉楊黃趙吳孫馬許鄭謝韓馮鄧蕭葉蘇呂盧鍾鐘譚陸鄒賀顧龔萬錢嚴湯賴閻龐聶魯齊蔣羅'],
);
const COMPOUND_SURNAMES = /^(?:歐陽|諸葛|尉遲|長孫|令狐|南宮|獨孤|澹臺|軒轅|鍾離|聞人|欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|长孙|宇文|司徒|令狐|夏侯|端木|西门|南宫|独孤|澹台|单于|呼延|轩辕|钟离|闻人|万俟|赫连|申屠|东郭|百里|太史|公羊|濮阳|司空|左丘|梁丘|第五|羊舌|淳于|公冶|宗政|仲孙|鲜于|闾丘|拓跋|巫马|乐正|漆雕|公西|颛孙|子车|司寇|太叔|叔孙|微生|谷梁|段干|夹谷|宰父|壤驷|公良|归海|亓官|公仪|仉督|东里|况后|呼衍)/;
// --- namecjk23 (session 22): the rest of the 百家姓 and rarer surnames real people carry, as 3-character names only
// (a surname and a two-character given name): each of them also leads ordinary words (`羊肉`, `松下`, `巴西`, `索引`), so a
// two-character `羊肉` or `索引` is no name; the 3-character words they lead are in RARE_NOT_A_NAME.
const RARE_SURNAMES = new Set([...'酆凤伏巫乌巴弓牧宿怀索籍阴莘卻沃融巢乜毋羊皮松富强鱼鬱盖益红权须丰养慎居步充别通习容终从印那']);
const RARE_NOT_A_NAME = /^(?:羊肉|羊毛|羊绒|羊奶|凤凰|伏特|巫师|乌鲁|乌克|乌龟|乌云|巴西|巴黎|巴士|巴拿|巴基|巴中|巴南|弓箭|牧场|牧民|宿舍|宿主|怀疑|怀孕|怀柔|索引|索取|索赔|索尼|索要|籍贯|阴影|阴天|阴性|沃尔|融资|融合|融入|巢湖|皮肤|皮革|皮鞋|皮卡|松下|松江|松原|松开|松动|富文|富士|富有|富裕|富强|强制|强度|强化|强调|强烈|强行|强大|鱼类|鱼肉|盖章|盖子|益处|红包|红色|红外|红利|红旗|红酒|权限|权益|权利|权重|须知|丰富|丰台|丰田|养老|养殖|慎重|居民|居住|居委|居家|步骤|步数|步行|充值|充电|充分|别人|别名|别的|通知|通过|通讯|通用|通道|通话|习惯|容器|容量|容易|终端|终止|终于|从而|从事|印章|印刷|印度|印象|那个|那些|那么|那里)/;
// --- end namecjk23
// Words that start with a surname character but name a role, a place or a thing.
const NOT_A_NAME = /^(?:蘇丹|蘇聯|蘇格蘭|蘇黎世|馬利|馬里|馬來|馬爾|馬其頓|馬達加|羅馬|萬國|萬維|韓語|陳列|陳述|陳舊|張貼|張開|張望|張力|黃金|黃色|黃頁|黃牛|萬一|萬元|萬能|萬用|萬象|萬歲|萬分|錢包|錢財|嚴重|嚴格|嚴禁|嚴密|嚴謹|顧客|顧問|顧及|顧慮|韓國|韓文|韓元|鄭重|陸續|陸地|陸軍|蘇醒|葉子|葉片|龍頭|賀卡|賀詞|羅盤|羅馬|孫子|馬上|馬達|馬路|馬克|許可|許多|許願|齊全|齊備|魯莽|蔣介|鍾愛|鐘錶|鐘頭|鐘點|湯匙|湯圓|劉海|楊柳|趙州|吳淞|聶耳|龐大|龐雜|閻王|賴床|盧布|呂宋|鄧麗|謝謝|謝意|謝絕|譚詠|鄒城|蕭條|蕭瑟|馮京|龔自|满足|满分|满载|满员|满天|满月|满额|满减|满了|满是|满怀|满屏|满格|满血|满级|满仓|满贯|满口|满脸|满身|满地|满城|满满|满座|满期|满洲|满族|满文|满汉|满勤|满盘|满溢|满心|满眼|满头|满嘴|满目|满山|满街|满堂|满载|满负|满帮|满百|满赠|满送|满返|满件|满元|满\d|杭州|文心|商汤|万象|万相|通义|元宝|余额|余量|余数|余下|隆重|隆起|薄弱|薄膜|薄荷|汲取|茅台|荆州|萨摩|扶贫|扶持|堵塞|寿命|宦官|弘扬|禄口|蔚来|蔚蓝|勾选|勾股|束缚|厉害|鄂州|咸阳|咸宁|慕课|燕郊|燕京|浦东|浦西|浦发|浦口|衡水|衡阳|衡量|雍和|靖江|楚雄|官方|官网|官宣|练习|植物|植入|滑动|滑块|滑屏|蓝牙|蓝信|蓝色|蓝屏|蓝图|羊毛|巴士|巴黎|牧场|班级|班组|班车|班次|仰望|伊犁|伊利|贡献|谈判|谈话|茹素|苍南|郏县|管理员?|系统|用户|本人|先生|女士|同事|经理|主任|老师|师傅|客户|公司|部门|项目|测试|开发|运维|财务|人事|行政|安全|服务|单位|明细|明天|明早|明晚|明日|明年|明确|明显|明白|明示|成功|关闭|常用|全部|全名|全称|和平|安装|安卓|温度|高级|高速|黄金|金额|金山|钱包|文件|文本|向导|易用|时间|时区|华为|连接|连续|路由|路径|宁波|常州|温州|江苏|江西|湖南|湖北|齐全|方式|方法|程序|任务|包含|包括|万元|车辆|景点|党员|宋体|新宋体|黑体|楷体|仿宋|方正|华文|向日葵|金山|石墨|万能|万用|程序员|高德|和平|孔雀|龙芯|曙光|沈阳|武汉|郑州|洛阳|常熟|温岭|江门|钱塘|唐山|秦皇岛|雷达|龙门|熊猫|牛人|马上|马克|高亮|高清|高速|高级|安全|安静|白名单|白屏|黄页|黎明|乔迁|华东|华南|华北|华中|华西|江南|江北|安徽|吉林|宁夏|甘肃|苏州|成都|徐州|金华|石家庄|周报|周会|周末|周期|周一|周二|周三|周四|周五|周六|周日|惠普|惠州|惠民|惠及|惠享|惠企|税务|税号|税额|税率|税费|税前|税后|税款|税收|税控|税局|税种|税目|税表|税票|揭阳|揭示|揭晓|暴露|暴涨|暴跌|暴力|暴雨|危险|危机|危害|危急|危重|危房|危化|王牌|王者|王国|王府井|关系|付款|收款|幸福|幸运|幸好|幸亏|乐观|乐园|乐器|乐队|乐意|乐趣|井盖|井下|封装|封面|封禁|封存|封号|封顶|封闭|封锁|封堵|封包|阎王|贝壳|贝塔|秋季|秋招|秋冬|秋天|年度|年份|年龄|年终|年底|年初|年末|年假|年检|年费|年报|年薪|年级|年月|年限|年会|年卡|年化|年内|年前|年后|宣传|宣讲|宣布|宣告|宣导|戈壁|闻名|闻讯|应为|应出|应到|应付|应收|应急|应当|应答|应对|查询|查收|查看|查阅|查找|查到|查明|查验|查实|查处|查重|查杀|查封|查获|查账|查体|查房|查岗|查出|查清|房租|房贷|房产|房源|管家|全拼|全称|全职|戴尔|华硕|雷神|雷蛇|荣耀|金立|白班|夜班|早班|晚班|值班|简历|简介|简报|简体|简单|简称)/;

// A surname and a title or a form of address (`张经理`, `王总`, `李工`, `刘老师`, `陈姐`): how one calls a person whose
// name is not written, not a name (session 16, name17). `张伟经理` holds the name 张伟, taken where a grammar stops before the title.
const SURNAME_AND_TITLE = /^[\u4e00-\u9fa5](?:总|工|姐|哥|叔|婶|嫂|伯|姨|阿姨|经理|老师|老板|主任|主管|总监|总裁|科长|处长|局长|部长|院长|所长|校长|队长|班长|组长|厂长|店长|助理|秘书|会计|出纳|医生|大夫|护士|律师|教授|博士|先生|女士|小姐|同学|同志|书记|董)$/;

/** Two to four Han characters that read as a Chinese personal name (a known surname first). */
export function isChineseName(text: string): boolean {
  if (!/^[\u4e00-\u9fa5]{2,4}$/.test(text) || NOT_A_NAME.test(text) || SURNAME_AND_TITLE.test(text)) return false;
  if (COMPOUND_SURNAMES.test(text)) return text.length >= 3;
  // namecjk23: a rare surname only with a two-character given name.
  if (RARE_SURNAMES.has(text[0]!) && !SURNAMES.has(text[0]!)) return text.length === 3 && !RARE_NOT_A_NAME.test(text);
  return SURNAMES.has(text[0]!) && text.length <= 3;
}
