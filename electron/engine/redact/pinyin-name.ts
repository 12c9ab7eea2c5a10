/**
 * Romanised Chinese personal names (toneless pinyin) where they serve as logins and user names: `maoxinran`,
 * `wb_huangshiqi`, `huang.shiqi`, `srm_qa_lvmin`, `miaozimo_admin`, `wenjing.xu`, `NieYuHan`.
 *
 * A name is a common surname (one or two syllables: `wang`, `ouyang`, `shangguan`) and one or two given
 * syllables, each a legal pinyin syllable with an initial consonant (a glued `xian` could be `xi'an`; given
 * syllables without one are left out, as are particles and rare syllables no name uses: `de`, `le`, `me`,
 * `lo`, `fo` …). Segmentation backtracks, so `changhao` is `chang·hao`, and `zhangang` reads `zhan·gang` or
 * `zhang·ang` (the second has a given syllable without an initial, the first stands).
 *
 * Precision first: a value taken here is learned and replaced archive-wide. English words that parse as
 * pinyin names (`change`, `hangout`, `longing`) are in pinyin-english.ts (generated from a word list, see
 * build/pinyin/generate-english.ts); pinyin IT vocabulary (`denglu`, `yonghu`, `xitong`), places
 * (`hangzhou`) and brands (`huawei`, `xiaomi`) are listed below.
 */
import { PINYIN_ENGLISH, PINYIN_ENGLISH_GIVEN } from './pinyin-english.js';

/**
 * A line that speaks of accounts (a bare pinyin token counts as a login only on one): each alternative is also a
 * wake of the user-name rule (its words or marks scan) and part of its trigger. 登录/密码 are left out: as wakes
 * they ran the whole rule on most lines of Chinese logs (25 % slower on the bench).
 */
export const PINYIN_LOGIN_CUE = /log[io]n|username|user_name|user name|userid|owner|ssh |用户|账号|帐号/i;
/**
 * What the user-name rule's trigger adds for this: an account word alone would run the whole rule on every line
 * that says `login` (7 % slower on the bench), so only a login's outcome (`LOGIN FROM`, `login denied`), `username x`
 * and a registry login's `-u` (`docker login host -u x`).
 */
export const PINYIN_LOGIN_TRIGGER = /log[io]n[ \t]+(?:from|denied|failed|failure|refused|ok|succeeded|success)\b|username[ \t]+[a-z][\w.-]{1,39}[ \t]*\r?$|login[ \t]+[\w.:/-]{1,253}[ \t]+(?:-u|--username)[ \t=]/i;

/** Every legal toneless syllable (`v` for ü; `lyu`/`nyu` as passports and logins write 吕/女). */
const SYLLABLES = new Set(
  `a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang cao ce cen ceng
  cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo ci cong cou cu
  cuan cui cun cuo da dai dan dang dao de dei den deng di dia dian diao die ding diu dong dou du duan dui dun duo e
  ei en eng er fa fan fang fei fen feng fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan
  guang gui gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji jia jian
  jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan
  kuang kui kun kuo la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu lo long lou lu luan
  lun luo lv lve lue lyu ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu na nai nan
  nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nuo nv nve nue nyu o ou pa pai
  pan pang pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu
  quan que qun ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo sa sai san sang sao se sen seng sha
  shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo si song sou su suan
  sui sun suo ta tai tan tang tao te teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei
  wen weng wo wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo
  yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng zhi
  zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo`.split(/\s+/),
);

/** Syllables no given name is written with: particles, interjections, rare readings (they make English parse). */
const NOT_GIVEN = new Set(
  `de le me ne te ce se re ze lo yo fo o e a ei ai an ang ao en eng er ou den nen zei shei zhei dia rua cou kei nou
  pou fou miu diu lia pie nve lve nyu lue nue chua zhua shua kua gua cen sen zen seng ceng nin rou sou ca sa za
  cuan zuan nuan nang pen dei gei hei shai cha ri lun nun tun la ta ga ka ku cu du gen nv lv`.split(/\s+/),
);

/**
 * Common surnames in pinyin (about 90 % of people), the two-syllable ones too. Left out: surnames that are too
 * rarely a login's first syllable to pay for the English they let through (`e`, `o`).
 */
const SURNAMES = new Set(
  `wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie song tang han
  feng deng cao peng zeng xiao tian dong yuan pan yu jiang cai du ye cheng su wei lv lyu lu ding ren shen yao cui
  zhong tan fan jin shi liao jia xia fu fang bai zou meng xiong qin qiu yin xue yan duan lei hou long tao gu mao hao
  gong shao wan qian dai mo kong xiang chang wen kang niu ge xing qi qiao pang ni zhuang nie zhan ou geng guan lan
  jiao zuo gan bao ning shang shu ruan ke ji mei tong ling bi pei huo tu miao sheng qu weng ran you xin chai hua pu
  teng rao mou ai mu nong zhuo jian che lian mai chu lou dou cen jing dang fei leng xi mi zong gui quan ying zang min
  bian luan sui diao sha rong kou sang lang zhen cong ming chi kuang lai hong xian ju di xun rui kan huan hui jie an
  yi wei zhai tan yue mu ouyang sima shangguan zhuge dongfang huangfu yuchi gongsun murong zhangsun yuwen situ
  linghu xiahou duanmu ximen nangong dugu zhongli wenren helian`.split(/\s+/),
);

/**
 * Pinyin that reads as a surname and a given name but is a word of software (`denglu` 登录, `yonghu` 用户), a place
 * (`hangzhou`), a company or brand (`huawei`, `xiaomi`), a department or a thing named in IT systems.
 */
const NOT_A_NAME = new Set(
  `denglu dengru dingdan guanli guanliyuan shouji yonghu mima ceshi zhanghao zhanghu shuju fuwu fuwuqi xitong
  xinxi diannao bangong huiyi kaoqin menjin jiankong dayin dayinji saomiao beifen zhuji beiyong shiyan zhongxin
  jituan gongsi kehu kehuduan baobiao hetong yewu caiwu renshi xingzheng yanfa xiaoshou kefu kaifa yunwei
  shengchan cangku jiqi gongxiang zongbu fenbu shezhi peizhi rizhi wenjian shujuku jiekou fuwuduan yingyong
  chaxun xiugai shanchu tianjia daochu daoru shangchuan xiazai anquan quanxian jiaose bumen zuzhi zhiwei yuangong
  gongzi jixiao liucheng shenpi tongzhi xiaoxi gonggao renwu xiangmu dingshi jiaoben moban caidan shouye
  zhuye houtai qiantai guanliyuan chaoji putong linshi morem moren jiami jiemi yanzheng duanxin youxiang
  shoujihao dianhua dizhi xingming xingbie nianling shengri zhifu tuikuan dingdanhao shangpin kucun wuliu
  peisong caigou gongyingshang kehuhao zhanghaoguanli tupian shipin yinpin wendang biaoge fujian lianjie
  wangluo luyou jiaohuanji fanghuoqiang jifang jigui dianyuan kongtiao shebei zichan weixiu baoxiu gongdan
  jinji zhongyao yiban zhengchang yichang cuowu shibai chenggong wancheng kaishi jieshu zanting qidong tingzhi
  chongqi shengji gengxin banben bushu fabu huigun jiance jiankang xintiao zhuangtai liebiao xiangqing
  beijing shanghai hangzhou shenzhen guangzhou nanjing suzhou wuhan chengdu xian chongqing tianjin changsha hefei
  jinan qingdao xiamen ningbo wuxi kunming zhengzhou fuzhou nanning taiyuan shenyang dalian changchun lanzhou
  guiyang nanchang haikou sanya zhuhai dongguan foshan zhongshan shantou wenzhou jinhua shaoxing taizhou jiaxing
  huzhou yangzhou changzhou nantong xuzhou yantai weifang linyi tangshan baoding luoyang huadong huanan huabei
  huazhong xinan xibei dongbei huaxi huanbei guangdong guangxi jiangsu zhejiang shandong shanxi henan hebei hubei
  hunan anhui fujian jiangxi sichuan yunnan guizhou hainan gansu qinghai ningxia xinjiang xizang neimenggu
  heilongjiang jilin liaoning taiwan xianggang aomen pudong haidian chaoyang xuhui minhang nanshan futian
  baoan longgang luohu binjiang xihu yuhang xiaoshan gongshu shangcheng jianggan tianhe yuexiu panyu baiyun
  huangpu jingan changning putuo hongkou yangpu songjiang jiading qingpu fengxian jinshan chongming
  huawei xiaomi alibaba baidu tencent tengxun alipay zhifubao weixin taobao tianmao jingdong meituan
  dianping pinduoduo douyin kuaishou bilibili weibo zhihu youku aiqiyi wangyi netease sohu souhu xinlang
  dingding feishu qiye qiyeweixin wecom yonyou kingdee jindie zhongguo zhonghua renmin gongshang jianshe
  nongye zhaoshang pingan guotai minsheng zhongxin xingye guangda huaxia zhongtai haitong yinhang baoxian
  zhengquan xinyong dianxin liantong yidong chinanet unicom lenovo lianxiang haier geli meidi changan
  jili biyadi weilai xiaopeng lixiang zhongxing zte hikvision haikang dahua yushi ruijie xinhua renmin
  kunlun taishan huangshan lushan emei wudang shaolin changjiang huanghe zhujiang jinsha
  chuanqi wuxia xianxia jianghu kungfu gongfu taichi taiji fengshui qigong mahjong majiang dimsum
  xiaolongbao jiaozi baozi hongbao nihao xiexie zaijian haode meiyou shenme zenme weishenme zheli
  neli nali xianzai mingtian zuotian jintian shangwu xiawu zhongwu wanshang zaoshang
  gaokao gaotie dongche ditie gongjiao chuzuche feiji jichang huochezhan mashang
  shangban xiaban jiaban qingjia chuchai baoxiao jiangjin fapiao shoukuan fukuan
  dingdong lintian tongfang bidi sunxi migemo kanji kanban hankaku chemin dizini dizimi shishi julian kannada gemini
  yingye zhizhao shuihao kaipiao yingshou yingfu zongzhang mingxi huizong tongji fenxi baogao`.split(/\s+/),
);

/** The greedy-with-backtracking split of `text` into `count` syllables of `allowed`, or undefined. */
function split(text: string, min: number, max: number, allowed: (s: string) => boolean): string[] | undefined {
  if (text === '') return min === 0 ? [] : undefined;
  if (max === 0) return undefined;
  for (let len = Math.min(6, text.length); len >= 1; len -= 1) {
    const head = text.slice(0, len);
    if (!SYLLABLES.has(head) || !allowed(head)) continue;
    const rest = split(text.slice(len), Math.max(0, min - 1), max - 1, allowed);
    if (rest !== undefined) return [head, ...rest];
  }
  return undefined;
}

const givenSyllable = (s: string) => !NOT_GIVEN.has(s);

/** Splits a run of lowercase letters into any legal syllables (2 to `max`), or undefined: `zhanghao` → zhang·hao. */
export function pinyinSyllables(text: string, max = 6): string[] | undefined {
  return /^[a-z]{1,30}$/.test(text) ? split(text, 1, max, () => true) : undefined;
}

/** A surname and one or two given syllables (`huang·shi·qi`), the parse found, or undefined. */
export function parsePinyinName(text: string): { surname: string; given: string[] } | undefined {
  if (!/^[a-z]{2,20}$/.test(text)) return undefined;
  for (let len = Math.min(9, text.length - 2); len >= 1; len -= 1) {
    const surname = text.slice(0, len);
    if (!SURNAMES.has(surname)) continue;
    const given = split(text.slice(len), 1, 2, givenSyllable);
    if (given !== undefined) return { surname, given };
  }
  return undefined;
}

/** One or two given syllables (`shiqi`, `meng`), for a name written given-first or cut at a dot (`wenjing.xu`). */
function isGivenName(text: string): boolean {
  return /^[a-z]{2,12}$/.test(text) && split(text, 1, 2, givenSyllable) !== undefined;
}

/** A word of English (or of software) rather than a name, though it parses as one. */
function isWordNotName(text: string): boolean {
  return PINYIN_ENGLISH.has(text) || NOT_A_NAME.has(text);
}

/**
 * Whether lowercase `text` is a person's full name glued in pinyin: surname + one or two given syllables, 6 to
 * 20 letters, not an English word, a pinyin word of software, a place or a brand (`maoxinran`, `huangshiqi`; not
 * `change`, `denglu`, `hangzhou`, `huawei`).
 */
export function isPinyinFullName(text: string): boolean {
  // `libata`, `libasan`, `libicu`, `libola`: a library's name (li + ba/bi/bo/bu + …), not 李.
  if (/^lib[aiou](?!ng|n|o|a|i)[a-z]/.test(text)) return false;
  return text.length >= 6 && text.length <= 20 && parsePinyinName(text) !== undefined && !isWordNotName(text);
}

/**
 * Whether a name written in two parts is a person's: surname and given name (`huang.shiqi`, `lin.meng`, `lu_chenxi`),
 * or given name and surname (`wenjing.xu`). Both parts pinyin; the given part not a word of its own.
 */
export function isPinyinSplitName(first: string, second: string, separator = '.'): boolean {
  if (first.length + second.length < 6 || isWordNotName(first + second)) return false;
  if (SURNAMES.has(first) && isGivenName(second) && !PINYIN_ENGLISH_GIVEN.has(second)) return true;
  // Given name first only as a mail-style `wenjing.xu`: two given syllables, then the surname.
  return separator === '.' && SURNAMES.has(second) && first.length >= 5 && split(first, 2, 2, givenSyllable) !== undefined && !PINYIN_ENGLISH_GIVEN.has(first) && !NOT_A_NAME.has(first);
}

/** `NieYuHan`, `LuanJiaCheng`, `ZhangWei`: capitalised syllables, a surname first, one or two given. */
export function isPinyinCamelName(text: string): boolean {
  if (!/^(?:[A-Z][a-z]{1,5}){2,4}$/.test(text)) return false;
  const parts = text.split(/(?=[A-Z])/).map((p) => p.toLowerCase());
  let surname = parts[0]!;
  let rest = parts.slice(1);
  // Two-syllable surnames written as two capitals (`OuYang`, `SiMa`).
  if (!SURNAMES.has(surname) || (rest.length === 3 && SURNAMES.has(surname + rest[0]!))) {
    surname = surname + (rest[0] ?? '');
    rest = rest.slice(1);
  }
  return SURNAMES.has(surname) && rest.length >= 1 && rest.length <= 2 && rest.every((p) => SYLLABLES.has(p) && givenSyllable(p)) && !isWordNotName(parts.join(''));
}

/** Login affixes that say "an account of": an outsourcer's `wb_`, a role or environment, a department. */
const AFFIX = /^(?:[a-z]{1,8}|\d{1,6})$/;

/**
 * Whether a login token carries a person's pinyin name: the whole token (`maoxinran`, `wangfang01`), or one part
 * of it between `_`, `.`, `-` (`wb_huangshiqi`, `miaozimo_admin`, `srm_qa_lvmin`, `huang.shiqi`, `wenjing.xu`),
 * with at most two short affixes around. Trailing digits are an account's number (`lvmin2`, `zhangwei01`).
 */
export function isPinyinLogin(token: string): boolean {
  if (token.length < 6 || token.length > 40 || !/^[a-z][a-z0-9]*(?:[._-][a-z0-9]+){0,3}$/.test(token)) return false;
  const pieces = token.split(/[._-]/);
  // A file or host name (`longlong.h`, `ximian.com`), not a login.
  if (pieces.length > 1 && NOT_LOGIN_END.test(pieces[pieces.length - 1]!)) return false;
  const parts = pieces.map((p) => p.replace(/\d{1,6}$/, ''));
  for (let i = 0; i < parts.length; i += 1) {
    const p = parts[i]!;
    // Beside an `_` affix a five-letter name stands too (`srm_qa_lvmin`); alone it must be six letters or more.
    const named = isPinyinFullName(p) || (parts.length > 1 && !token.includes('-') && token.includes('_') && p.length === 5 && parsePinyinName(p) !== undefined && !isWordNotName(p));
    if (named) return parts.every((q, j) => j === i || AFFIX.test(q) || q === '');
  }
  // `huang.shiqi`, `wenjing.xu`, `lu_chenxi`: the name in two parts, alone (`lin.meng` too).
  if (parts.length === 2) return isPinyinSplitName(parts[0]!, parts[1]!, token[pieces[0]!.length]);
  return false;
}

/** The last part of a file or host name: an extension or a top-level domain. */
const NOT_LOGIN_END = /^(?:[a-z]|[a-z]\d|cc|cpp|hpp|hh|py|pyc|js|mjs|cjs|ts|tsx|jsx|go|rs|rb|pl|pm|sh|so|la|lo|ko|m4|md|txt|log|ini|cfg|conf|json|xml|yml|yaml|html?|css|gz|xz|bz2|zip|jar|war|deb|rpm|exe|dll|sys|bin|dat|db|sql|pdf|docx?|xlsx?|png|jpe?g|gif|svg|in|am|ac|mk|el|vim|lock|bak|tmp|old|new|orig|com|net|org|edu|gov|mil|int|info|biz|io|cn|hk|tw|jp|kr|sg|uk|de|fr|dk|nl|se|no|fi|ru|us|au|ca|eu|ch|it|es|local|lan|corp|internal|intra|home|arpa|test|example|invalid|localhost)$/;

/** Splits `text` into one or two given-name syllables (`shiqi` → shi·qi), or undefined. */
export function pinyinGivenSyllables(text: string): string[] | undefined {
  return /^[a-z]{2,12}$/.test(text) ? split(text, 1, 2, givenSyllable) : undefined;
}
