/**
 * Common English words and log vocabulary that are never learned as a person's login or name
 * (learned-values.ts): a value learned once is replaced archive-wide, so a grammar that took a
 * word for a login once (`granted to create MBeans` made `create` a login; `Creative Commons`)
 * would damage every later line that says it. Kept as data, lowercase, words of four letters or
 * more (shorter Latin values are never learned), with their common forms (`creates`, `created`,
 * `creating`) made by {@link commonWordForms}.
 *
 * Left out on purpose: words that are also given names or surnames people take as logins (`john`,
 * `mark`, `grace`, `rose`, `frank`, `smith`, `baker`, `hunter` …): a real `/home/grace` must still
 * be replaced where it reappears. Words for accounts (`admin`, `root`, `backup` …) are the
 * GENERIC list of learned-values.ts.
 */

/** Verbs of logs and prose, in their base form (forms are added below). */
const VERBS = `
accept access accord account achieve acquire activate adapt add address adjust advance affect agree
align allocate allow alter analyse analyze announce append apply approve archive arrange arrive
assert assign assume attach attempt attend audit authenticate authorize await back balance become
begin believe belong bind block boot bounce break bring build cache calculate call cancel capture
care carry catch cause change charge check choose claim clean clear click clone close collect
combine come commit compare compile complete compress compute concern configure confirm connect
consider consist contact contain continue contribute control convert copy correct count cover
crash create cross cycle damage deal debug decide declare decline decode decrease decrypt define
delay delete deliver demand deny depend deploy describe deserve design destroy detach detect
determine develop differ disable disconnect discover dismiss display dispose distribute divide
download drain draw drive drop dump edit effect elect emit enable encode encrypt encourage
enforce ensure enter establish evaluate exceed exchange exclude execute exist exit expand expect
expire explain export expose extend extract fail fall fetch fill filter find finish fire flush
fold follow force forget format forward found free gain gather generate give group grow
guarantee guess halt handle happen hash have head hear help hide hold ignore implement import
improve include increase index indicate inform initialize inject insert inspect install intend
interrupt introduce invalidate invoke involve issue join jump keep kill know launch lead learn
leave limit link list listen load locate lock look lose maintain make manage map match matter
measure meet merge migrate mind miss modify monitor mount move need note notice notify obtain
occur offer open operate order output override own parse pass patch pause perform permit persist
pick ping place plan play point poll post prefer prepare present preserve press prevent print
proceed process produce promote prompt protect provide publish pull purge push query queue quit
raise reach read realize rebuild receive recognize recommend record recover redirect reduce
refer refresh refuse register reject relate release reload remain remember remove rename render
renew repair repeat replace reply report represent request require reserve reset resize resolve
respond restart restore restrict resume retain retry return reuse reveal review revoke rotate
route save scale schedule search secure seem select send separate serve share shift show shut
sign skip sleep solve sort spawn specify split stage start state stay step stop store stream
submit succeed suggest supply support suppose suspend switch sync take talk tell terminate
test think throw time touch trace track transfer transform translate travel treat trigger trust
try turn type unlock unmount unpack update upgrade upload use validate verify view visit wait
walk want warn watch work wrap write yield zip
`;

/** Nouns, adjectives, adverbs and other words of logs, configuration and prose. */
const WORDS = `
about above absent absolute abstract accepted accessible accurate across action active actual
adapter additional administrative advanced after again against agent alert alias alive all
allowed almost alone along already also alternative although always amount anonymous another
answer anything anyway anywhere application approval approximately area argument around array
article artifact aspect asset assistant associated asynchronous attachment attribute authority
author auth authentication authorization authtok chauthtok oauth auto automatic automatically available average away
background backend bad bandwidth banner base basic batch because before behavior behaviour
behind being below benefit best better between beyond binary blank body bold both bottom bound
boundary branch brief bridge broken buffer bundle business busy button byte cable calendar
capability capacity card careful case category center central certain certificate chain
channel chapter character chart child choice chunk cipher circle class classic client clock
closed cluster code collection column command comment common community company compatible
complex component condition conference config configuration conflict connection console
constant constraint consumer container content context contract controller cookie core
corporate correct cost could country course creative credential critical current cursor
custom customer daily dashboard data database date day dead decimal default deferred definition
degree delivery department dependency deprecated depth description desktop destination detail
device dialog different digital direct direction directory disabled discovery disk distance
document domain done double down draft driver duplicate during duration dynamic each early easy
editor effective either element else embedded empty encoding encryption end endpoint energy
engine enough enterprise entire entity entry environment equal error event every everything
exact example exception excluded existing expected expiry explicit expression extension
external extra factor failure false family feature federal field figure file final financial
firewall first fixed flag flexible folder following font footer foreign form former forward
frame framework frequency fresh from front full function further future gateway general
generic global good graph great guest hardware header health heap heavy height hello here
hidden high history hold home hook host hour however html human identifier identity idle image
immediate important inactive incoming incorrect independent individual information initial
inner input inside instance instead instruction integer integration interface internal
international internet interval invalid item itself java journal json just kernel key keyword
kind label language large last late later layer layout leader least left legacy length less
level library license life light like likely line linear little live local location logic
logical long loop lower machine main major manager manual many margin market master maximum
maybe media medium member memory menu message metadata method metric middle might minimum
minor minute mirror missing mobile mode model module moment more most much multiple must name
native natural near necessary negative network never newer next night node none normal
nothing notification null number object offline often okay older online only option optional
original other outgoing outside over overall overview owner package page panel parameter
parent part partial particular partner party password path pattern peer pending people
percent period permanent permission person personal phase phone physical picture pipeline
platform please plugin policy pool popular port portal position positive possible power
preferences prefix premium preview previous primary prior priority private probably problem
procedure processor product production profile program progress project property protocol
provider proxy public purpose quality quarter question quick quite random range rate rather
ready real reason recent recently record recursive reference region regular related relative
reliable remote repository required resource response rest result right role root rule
runtime safe same sample schema scope screen script second secondary section security
segment self sequence serial series server service session setting settings several shared
shell short should side signal signature silent similar simple since single size slow small
snapshot socket software some something sometimes soon source space special specific speed
stable standard static statistics status sticky still storage strict string strong structure
style subject success successful such suffix summary super support sure symbol system table
target task team technical template temporary tenant terminal text than that their them then
there these they thing this those thread through ticket timeout title today together token
tool total trade traffic transaction true unable under unique unit universal unknown unless
until upper usage useful user usually valid value variable various vendor version very
video virtual visible volume warning weak website week weekly welcome well what when where
whether which while whole width window with within without word worker world would wrong
year yearly yesterday your zone
shop blog wiki forum mall
`;

/**
 * realfp (session 18): the words of what real machines carry — Debian changelogs and NEWS, manual
 * pages, READMEs, apt/dpkg logs, /etc comments — that a grammar took once and the leak check then
 * replaced archive-wide (`pass 'info'` made every `info` a secret, `modified by upstream` every
 * `upstream` a login, `it will be useful` every `will` a token). English words, software words and
 * the names of distributions and projects that name no person (`debian`, `upstream`, `gnome`).
 * Given names stay out, as above (`will` too: flags and keys before it are judged in rule-validators.ts).
 */
const SOFTWARE_WORDS = `
abort actually addition algorithm alias aliases alignment alpha anymore appear appears
appropriate arbitrary architecture architectures args arithmetic assembler assertion attacker
backport backports backslash backward badge based been beginning bindings bitmap bits blob
boolean bootstrap bugs built builtin builtins bump bundled callback cannot canonical candidate
catalog changelog char classes cleanup colon color colors comma compat compatibility compiler
compilers compilation completion completions compliance composite compression consistent
contrib conversion copyright corrupt corruption correctly corresponding coverage crafted
currently daemon debugging decoder decompress decompression dependencies dependent descriptor
desired detailed detection development devel diff digest digit digits directive directories
dirs distribution docs documentation documented does doing dropped earlier easier echo edge
email endian entries equivalent escape even exactly except executable executables execution
expansion experimental explicitly fact fallback fault faster fatal filename filenames
filesystem filesystems fingerprint fixes fixing formatted formatting frontend frozen fully
functionality geometry given glyphs going greater hand hard hardening helper highlight hints
hostname http icon icons identical identify immediately implementation implementations
improvements infinite info initialization inline installation interactive interpreted into
invocation keyring known larger latest leak leakage leaks libraries linker literal loader
locale locales localhost logging login logs longer macro macros maintainer management manpage
manpages manually mask mean meaning means mechanism mention meta minimal misc mostly multi
multiarch named namespace newline normally numeric obsolete offset omitted once ones
optimization otherwise overflow overridden overwrite packaging parallel param parser passphrase
pathname performance pixel pixels plain plus pointer potential potentially preferred prefixed
previously proper properly proposed quiet quote quoted quotes readable really regenerate
regression regressions relevant removal requirements resolution respectively resulting revert
revision running sandbox scan seen selection sent sets setup ship shipped shown simply site
smaller spec specification spelling stack stamp startup statement stderr stdin stdout strip
stripping stuff subsequent substitution suitable suite symbolic symlink symlinks syntax tags
taken tarball terms testsuite therefore third though thus timestamp toolchain trailing
transition transparent transport trap tree twice typically typo undefined underlying unix
unnecessary unneeded unset unstable untrusted unused upon urgency username utility utils
variant verbose verification versioned vulnerability weight whitespace whose wide
workaround workarounds wrapper written zero
avoid simplify swap regenerated option options request again update
upstream debian ubuntu linux gnome freedesktop mozilla google apache posix gnu unix
convenience putting redirection redirections inherit inheriting inherited negotiate negotiated
`;

/**
 * realfp: programs and systems a manual or a changelog says did something (`created by gzip`, `executed
 * by psql`, `run by bash`, `downloaded by Wget`, `created by SunOS`): never a person's login, and the
 * leak check must not replace them archive-wide. Service accounts named like one (`postgres`) are
 * built-in logins anyway.
 */
const PROGRAM_WORDS = `
bash dash zsh tcsh ksh fish gzip gunzip bzip2 bunzip2 xz unxz zstd lzma compress uncompress
tar cpio wget curl rsync psql postgres postgresql mysql mysqld sqlite sqlite3 systemctl
systemd journalctl udev udevd ldconfig uname chattr lsattr valgrind callgrind cachegrind memcheck
gdb perl python python3 ruby node nodejs java javac rustc cargo cmake ctest make gmake
automake autoconf autoreconf libtool pkg-config gettext dpkg dpkg-deb apt-get aptitude debconf
buildd sbuild pbuilder lintian debhelper dh_autoreconf dh_autoreconf_clean quilt sudo login
useradd usermod userdel groupadd passwd chpasswd crontab cron anacron logrotate rsyslog syslog
sshd openssh openssl gnutls gnupg gpg2 dirmngr xorg xvfb mesa samba smbd nmbd winbind
solaris sunos hp-ux aix irix nextstep freebsd openbsd netbsd darwin macos cygwin mingw
emacs grep egrep fgrep sed awk gawk mawk find xargs less more groff nroff troff
`;


/** The forms of a verb logs print: `create`, `creates`, `created`, `creating`, `creation`, `creator`. */
export function commonWordForms(verb: string): string[] {
  const stem = verb.endsWith('e') ? verb.slice(0, -1) : verb;
  // No `-er` form: `walker`, `turner` are surnames people take as logins.
  const forms = [verb, `${verb}s`, `${stem}ed`, `${stem}ing`];
  if (verb.endsWith('y') && !/[aeiou]y$/.test(verb)) forms.push(`${verb.slice(0, -1)}ies`, `${verb.slice(0, -1)}ied`);
  if (verb.endsWith('ate')) forms.push(`${stem}ion`, `${stem}ions`, `${stem}or`, `${stem}ors`);
  if (/(?:[^aeiou]|ss)$/.test(verb) && !verb.endsWith('e')) forms.push(`${verb}es`);
  return forms;
}

/** realfp: the program names that are not plain words (`bzip2`, `hp-ux`, `apt-get`), kept beside COMMON_WORDS. */
const PROGRAM_NAMES: ReadonlySet<string> = new Set(PROGRAM_WORDS.split(/\s+/).filter((w) => w !== '' && !/^[a-z]{4,}$/.test(w)));

/** A noun's forms: `entry`, `entrys` (as before), and realfp's `entries` (`directory` → `directories`). */
function nounForms(word: string): string[] {
  return /[^aeiou]y$/.test(word) ? [word, `${word}s`, `${word.slice(0, -1)}ies`] : [word, `${word}s`];
}

/** Every common word and form, lowercase, of four letters or more. */
export const COMMON_WORDS: ReadonlySet<string> = new Set(
  [
    ...VERBS.split(/\s+/).flatMap((v) => (v ? commonWordForms(v) : [])),
    ...WORDS.split(/\s+/).flatMap((w) => (w ? nounForms(w) : [])),
    ...SOFTWARE_WORDS.split(/\s+/).flatMap((w) => (w ? nounForms(w) : [])),
    ...PROGRAM_WORDS.split(/\s+/).filter((w) => /^[a-z]{4,}$/.test(w)),
    // realfp: the verbs of changelogs (`Avoid …`, `Simplify …`, `Swap …`) with their forms.
    ...['avoid', 'simplify', 'swap', 'regenerate', 'backport', 'bump', 'revert', 'strip', 'ship', 'drop'].flatMap(commonWordForms),
  ].filter((w) => w.length >= 4),
);

/**
 * Chinese words that read as a name — a common surname and one or two more characters — but are
 * words of prose and logs: 陆军 (the army; also 陆 + 军), 安装 (install), 文件 (file), 高级, 程序 … A
 * grammar that names a person (`安装: 陆军 2025-09-03`) still redacts it where it stands; it is not
 * learned, or looked for by the leak check, archive-wide, where it would replace every 陆军 of
 * every file.
 */
const HAN_WORDS = `
陆军 海军 空军 武警 军队 部队 安全 安装 安排 安静 安卓 安培 文件 文档 文本 文字 文章 文化 文明 金额 金融 金属
黄金 时间 时候 时钟 时区 程序 程度 程序员 任务 任何 任意 项目 成功 成本 成员 成为 成果 成绩 连接 连续 关闭
关于 关系 关键 关注 管理 管道 管理员 路由 路径 路线 温度 余额 余量 周期 周末 周年 周边 周围 方向 方法 方式
方案 方面 方便 常规 常用 常见 高级 高速 高度 高效 高温 马上 包括 包含 包装 解决 解析 解释 申请 全部
全局 全面 明天 明确 明显 明细 向上 向下 向量 应用 应该 单位 单独 严重 查询 查看 查找 范围 范例 许可 许多
谢谢 季度 凌晨 储存 储备 宋体 雷达 章节 云端 江湖 石油 钱包 白天 白色 蓝色 毕业 尚未 顾客 顾问 付款 符号
卫生 熊猫 万一 万元 车辆 房间 计划 计算 史上 齐全 夏天 夏季 吉利 纪录 纪律 原因 原来 原始 龙头 华为
`;
const COMMON_HAN_WORDS: ReadonlySet<string> = new Set(HAN_WORDS.split(/\s+/).filter((w) => w !== ''));

/** Whether `value` is a common English word or a word of logs (any case: `Creative`, `CREATE`), or a Chinese word that reads as a name ({@link HAN_WORDS}). */
export function isCommonWord(value: string): boolean {
  return COMMON_WORDS.has(value.toLowerCase()) || COMMON_HAN_WORDS.has(value) || COMMON_WORDS.has(bareWord(value)) || PROGRAM_NAMES.has(bareWord(value));
}

/**
 * realfp: the word inside a value's punctuation — a sentence's end (`option.`, `Update.`, `again.`),
 * a bracket or a quote (`<user`, `(info)`) — lower case. A value a grammar cut at a blank carries them.
 */
const bareWord = (value: string) => value.replace(/^[<("'`[{]+|[.,;:!?>)"'`\]}]+$/g, '').toLowerCase();

/** Short words of prose that join common words into a phrase (`Backport upstream patch to`). */
const JOINING_WORDS = new Set(['a', 'an', 'the', 'to', 'of', 'in', 'on', 'at', 'by', 'for', 'from', 'with', 'and', 'or', 'not', 'no', 'is', 'are', 'be', 'it', 'as', 'if', 'so', 'up', 'do', 'we', 'new', 'fix', 'use', 'add', 'set', 'get', 'run', 'all', 'any', 'its', 'via']);

/** realfp: a short word of prose (`to`, `the`, `add`, `use`) — too short for the common words (four letters or more). */
export const isJoiningWord = (word: string): boolean => JOINING_WORDS.has(word.toLowerCase());

/**
 * realfp: whether every part of `value` — split at blanks, `-`, `_`, `/` and `.` — is a common word
 * or a short joining word, and at least one part is a common word: prose (`Backport upstream patch
 * to`, `debian-release`, `avoid use-after-free`), never learned, looked for, or taken as a login
 * after `by`. A value with a digit or a symbol beyond those separators is never one.
 */
export function isCommonPhrase(value: string): boolean {
  const parts = value.trim().split(/[\s\-_/.]+/).map(bareWord).filter((p) => p !== '');
  if (parts.length === 0 || parts.some((p) => !/^[a-z']+$/.test(p))) return false;
  return parts.some((p) => COMMON_WORDS.has(p)) && parts.every((p) => COMMON_WORDS.has(p) || JOINING_WORDS.has(p));
}

/**
 * Prose, not a value: a common word (`info`, `upstream`, a program's name, a Han word) or a phrase of them (`Backport upstream
 * patch to`). What the learned values, the archive's leak check and the login grammars ask before they treat a text as a value.
 */
export function isProse(value: string): boolean {
  return isCommonWord(value) || isCommonPhrase(value);
}
