/**
 * Person names in Korean (Hangul), Japanese, Vietnamese and HL7 v2 segments, and the Chinese grammars the older
 * person-name patterns lacked (session 22, namecjk23): person-name's patterns for these live here.
 *
 * - Korean: a surname from the Korean list (김, 이, 박 … and 황보, 남궁, 제갈, 선우, 독고) and one or two given syllables,
 *   under a key that names a person (이름, 성명, 담당자, 신청자, 예금주, 대표이사 …, a `…Nm`/`…name` key in JSON or a
 *   query: `"empNm":"박서준"`), before an honorific or a job title (`김지현 님`, `박서준 과장`), or after a job title
 *   (`대표이사 정민호 (인)`). Hangul words that merely start with a surname's syllable (정보, 사용자, 성공, 전송 …)
 *   are no names (NOT_A_KOREAN_NAME).
 * - Japanese: a family name from the list of common 姓 (佐藤, 鈴木, 高橋 …) and a given name in kanji or kana, with
 *   or without the space between, under a key (氏名, 名前, 申請者, 承認者, 担当者, 配偶者 …) or before 様/さん/殿; a
 *   name alone on the line under a 氏名/フリガナ line (forms print the name below its reading); a katakana full name
 *   under a reading key (フリガナ, カナ, 氏名カナ).
 * - Vietnamese: a surname from the Vietnamese list (Nguyễn, Trần, Lê …) and one to three capitalised syllables, under
 *   a key (Họ tên, Họ và tên, Tên hiển thị, Người gửi, Khách hàng …), after a form of address (Anh, Chị, Ông, Bà …),
 *   after `từ`/`gửi`/`cho` (from, to) with two given syllables at least, or quoted after such a word; not a place
 *   (Hồ Chí Minh, Hà Nội …).
 * - HL7 v2: the family^given components of a person field (PID-5 and its repetitions, NK1-2, PV1-7/8 doctors
 *   `1021^LIU^JIANGUO`), only on a line that starts with the segment's id (`PID|`, `NK1|`, `PV1|`).
 * - Chinese: a pinyin-abbreviated 姓名 key (`xm=`, `khxm=`, `xingming=`), a name glued between an owner's role and
 *   their phone (`业主毛振宇电话…`), a coach or recruiter (`教练：`, `招生员：` with a compound surname), a meeting
 *   with someone (`与 郜明远 的 1:1 周会`), a subtitle's speaker (`字幕 郜明远:`).
 *
 * Every pattern starts at a literal (a key, a title, a segment id), never at a class of Hangul or Han letters, so a
 * CJK line without those words costs only the marks scan.
 */
import type { RulePattern } from './rules.js';
import { isChineseName } from './validators.js';

// --- Korean -----------------------------------------------------------------------------------------------------------

/** Korean surnames (the commonest ~130), single syllables. */
const KOREAN_SURNAMES = new Set([
  ...'김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부가복태목형피두감음빈동온호범좌팽승간상갈시견당화창옹순라리림로',
]);
/** Two-syllable Korean surnames. */
const KOREAN_COMPOUND_SURNAMES = /^(?:황보|남궁|제갈|선우|독고|사공|서문|동방)/;
/**
 * Hangul words that start with a surname's syllable but name no one: roles and forms of address (사용자, 고객님,
 * 선생님), words of logs and forms (정보, 성공, 전송, 조회, 설정 …), placeholders for an empty field (없음, 미입력).
 */
const NOT_A_KOREAN_NAME = new Set([
  // roles, people in general
  '사용자', '이용자', '신청자', '구매자', '방문자', '지원자', '소유자', '제작자', '기술자', '전문가', '연구원', '위원장', '관리자', '담당자', '작성자', '수신자',
  '발신자', '고객', '고객님', '회원님', '선생님', '여러분', '부장님', '과장님', '차장님', '사장님', '이사님', '대표님', '원장님', '교수님', '기사님', '실장님',
  '팀장님', '주임님', '대리님', '본인', '손님', '익명', '미상', '기타', '전원', '전체', '모두', '우리', '여기', '거기', '저기', '나중', '하나', '사원', '직원',
  '주인', '부모', '모친', '부친', '배우자', '자녀', '가족', '동료', '상사', '부하', '대표', '대표자', '대표이사', '이사', '사장', '부장', '차장', '과장', '대리',
  '주임', '원장', '소장', '국장', '기사', '간호사', '의사', '약사', '변호사', '세무사', '회계사', '노무사', '법무사', '감독', '코치', '선수', '학생', '교사',
  '신규', '신청', '신청인', '수신인', '발신인', '구매', '판매', '주문자', '수령인', '보호자', '환자', '계약자', '임차인', '임대인', '세대주', '채무자', '채권자',
  // words of logs and forms
  '정보', '정상', '성공', '실패', '오류', '확인', '완료', '전송', '전화', '주소', '주문', '배송', '유저', '강제', '조회', '설정', '변경', '연결', '사용', '진행',
  '공지', '방문', '서버', '서비스', '시스템', '시간', '시작', '종료', '상태', '상세', '성명', '이름', '이메일', '연락처', '전화번호', '주민번호', '계좌', '계좌번호',
  '은행', '금액', '소속', '부서', '직위', '직급', '직책', '입사일', '생년월일', '성별', '남자', '여자', '남성', '여성', '국적', '내국인', '외국인', '없음', '미입력',
  '미정', '미등록', '미지정', '해당없음', '공백', '기본', '기본값', '공용', '공통', '임시', '관리', '운영', '개발', '인사', '인사팀', '재무', '재무팀', '총무',
  '영업', '마케팅', '구분', '목록', '목적', '용도', '기간', '재직', '현재', '위치', '지역', '지점', '본사', '지사', '회사', '주식회사', '한국', '대한민국', '서울',
  '부산', '인천', '대구', '대전', '광주', '울산', '경기', '강원', '충북', '충남', '전북', '전남', '경북', '경남', '제주', '한빛', '국민', '신한', '우리은행',
  '하나은행', '기업', '농협', '수협', '우체국', '카카오', '네이버', '삼성', '현대', '엘지', '로그', '로그인', '인증', '인증서', '승인', '반려', '보류', '대기',
  '처리', '처리중', '요청', '응답', '결과', '결재', '문서', '파일', '첨부', '메일', '메시지', '알림', '공지사항', '게시판', '홍보', '고객센터', '상담', '상담원',
  '안내', '안녕', '안녕하세요', '감사', '감사합니다', '수고', '수고하셨습니다', '부탁', '부탁드립니다', '장애', '점검', '긴급', '중요', '일반', '보통', '최고', '최신',
  '최초', '최종', '최대', '최소', '이상', '이하', '이전', '이후', '이동', '이용', '이체', '입금', '출금', '송금', '지급', '지원', '지연', '지정', '지금', '오늘',
  '오전', '오후', '내일', '어제', '금일', '금액', '주간', '야간', '월간', '연간', '연차', '반차', '휴가', '출근', '퇴근', '근무', '교육', '회의', '회의실', '장소',
  '도착', '출발', '전달', '전자', '전산', '전원', '정산', '정책', '정기', '정규', '정지', '조건', '조직', '조정', '채용', '천천히', '한글', '한국어', '영어', '일본어',
  '중국어', '방법', '방식', '공개', '공유', '공사', '현장', '함께', '변수', '염려', '여부', '추가', '추천', '도움', '도구', '소개', '소스', '석사', '선택', '선택사항',
  '설명', '설치', '마감', '마지막', '길이', '연락', '연동', '위험', '표시', '명령', '명단', '기록', '기능', '기준', '기존', '반영', '반환', '왕복', '금지', '인원',
  '제목', '제출', '제외', '모델', '모바일', '탁송', '국내', '국외', '은행명', '편집', '용량', '예정', '예약', '경고', '경로', '봉투', '사진', '사유', '사업', '사업자',
  '부재', '부족', '가능', '가입', '복사', '태그', '목표', '형식', '두번째', '감시', '음성', '빈칸', '동의', '동일', '온라인', '호출', '범위', '승인자', '간단', '상품',
  '시험', '당일', '화면', '창고', '순서', '여러', '여러분', '전부', '일부', '각각', '모든', '다른', '같은',
]);
/** Given syllables that make a word, not a name, after a surname syllable (`정보처리`, `성공적`): the end of a word. */
const KOREAN_NOT_GIVEN_END = /(?:님|씨|들|팀|시|군|역|층|점|청|센터|본부|그룹|지점|은행|회사|사무소)$/;

/** Whether `text` is a Korean personal name: a Korean surname and one or two given syllables (two with a two-syllable surname). */
export function isKoreanName(text: string, minLength = 2): boolean {
  if (!/^[가-힣]{2,4}$/.test(text) || text.length < minLength || NOT_A_KOREAN_NAME.has(text)) return false;
  if (KOREAN_COMPOUND_SURNAMES.test(text)) return text.length >= 3;
  if (!KOREAN_SURNAMES.has(text[0]!) || text.length > 3) return false;
  // A three-syllable word ending as an office or a count does (`서울시`, `한빛팀`); two syllables are too short to tell.
  // A word and its particle (`정보를`, `고객의`, `이름에`) reads as a surname and a given name: names seldom end so.
  return !KOREAN_NOT_GIVEN_END.test(text.slice(1)) && !(text.length === 3 && /[의을를에께는와로]$/.test(text));
}

// Keys that hold a person's name (이름 name, 성명 full name, 성함 name (polite), 담당자 person in charge, 신청자 applicant,
// 작성자 author, 수신자/수취인 recipient, 발신자 sender, 예금주 account holder, 보호자 guardian, 환자 patient, 고객명 customer's
// name, 직원명/사원명 employee's name, 사용자명 user's name, 요청자/승인자/결재자/등록자/처리자 workflow hands, 참석자 attendee,
// 계약자 contractor, 임차인/임대인 tenant/landlord, 세대주 householder, 배우자 spouse, 피보험자 insured).
const KOREAN_KEY = String.raw`이름|성[ \t\u3000]*명|성함|담당자|담[ \t\u3000]*당|신청자|신청인|작성자|수신자|수신인|발신자|발신인|예금주|계좌주|명의자|보호자|환자명|환자|고객명|고객|직원명|사원명|사용자명|사용자|받는[ \t]?분|보내는[ \t]?분|요청자|승인자|결재자|등록자|처리자|참석자|수취인|수령인|주문자|계약자|임차인|임대인|세대주|배우자|피보험자|대표이사|대표자|신청인`;
// Job titles and forms of address after a name (`김지현 님`, `박서준 과장`, `이서연씨`).
// (Not 책임, 선임, 수석, 이사, 사원: ordinary words after a noun too, `고객의 책임`.)
const KOREAN_AFTER = String.raw`님|씨|대리|과장|차장|부장|팀장|실장|본부장|상무|전무|주임|매니저|선생님|교수님|고객님|회원님|원장님|기사님`;
// Job titles before a name (`대표이사 정민호`, `담당 인사팀 한지우`).
const KOREAN_BEFORE = String.raw`대표이사|대표|사장|부사장|부장|차장|과장|팀장|실장|본부장|이사|상무|전무|대리|주임|사원|교수|원장|의사|간호사|변호사|세무사|회계사|노무사|법무사`;
// A department between a key and the name (`담당: 인사팀 한지우`).
const KOREAN_DEPT = String.raw`[가-힣0-9A-Za-z]{1,10}(?:팀|부|과|실|센터|본부|그룹|지점|지사|사업부)`;
// Where a Korean name ends when no colon stands between its key and it: the line's end, a bracket, a comma, a slash, two
// blanks (a form's next field), an e-mail, a date or a time after it — not another word of a sentence (`사용자 정보를 제공`, `파일 이름 길이`:
// Korean prose puts a word after a key word, glued to its particle, that reads as a surname and a given name).
const KOREAN_FIELD_END = String.raw`(?=[ \t\u3000]*(?:\r?$|[(（,，/|;)）<\[])|[ \t\u3000]{2}|[ \t][\w.%+-]+@|[ \t]\d{4}[-/.]\d|[ \t]\d{1,2}:\d{2})`;
const KOREAN_KEYED = new RegExp(
  String.raw`(?<![가-힣])(?:${KOREAN_KEY})[ \t\u3000]*[:：=][ \t\u3000]*(?:${KOREAN_DEPT}[ \t\u3000]+)?(?<name>[가-힣]{2,4})(?![가-힣])`,
);
const KOREAN_KEYED_BARE = new RegExp(
  String.raw`(?<![가-힣])(?:${KOREAN_KEY})[ \t\u3000]+(?:${KOREAN_DEPT}[ \t\u3000]+)?(?<name>[가-힣]{3,4})${KOREAN_FIELD_END}`,
);
// A Latin key that holds a name in Korean systems: `…Nm` (empNm, custNm, userNm, korNm — Korean romanised abbreviations),
// `…name`, `…_nm`, in JSON, a query or a Java toString.
const KOREAN_LATIN_KEYED = /(?<![A-Za-z0-9_])(?<kq>["']?)[A-Za-z_]{0,24}(?:[a-z]Nm|_nm|_NM|[Nn]ame|NAME)\k<kq>[ \t]*[:=][ \t]*["']?(?<name>[가-힣]{2,4})(?![가-힣]|[ \t]+[가-힣])/;
const KOREAN_HONORED = new RegExp(String.raw`(?<![가-힣])(?<name>[가-힣]{3,4}?)[ \t]?(?:${KOREAN_AFTER})(?![가-힣])`);
const KOREAN_TITLED = new RegExp(String.raw`(?<![가-힣])(?:${KOREAN_BEFORE})[ \t\u3000]+(?<name>[가-힣]{3,4})${KOREAN_FIELD_END}`);

// --- Japanese ---------------------------------------------------------------------------------------------------------

/** Common Japanese family names (姓): the top few hundred cover most people. */
const JAPANESE_FAMILY = [
  '佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '渡邊', '渡邉', '渡部', '山本', '中村', '小林', '加藤', '吉田', '山田', '佐々木', '山口', '松本', '井上', '木村',
  '斎藤', '斉藤', '齋藤', '齊藤', '清水', '山崎', '山﨑', '池田', '橋本', '阿部', '石川', '山下', '中島', '石井', '小川', '前田', '岡田', '長谷川', '藤田',
  '後藤', '近藤', '村上', '遠藤', '青木', '坂本', '福田', '太田', '西村', '藤井', '金子', '岡本', '藤原', '中野', '三浦', '原田', '中川', '松田', '竹内', '小野',
  '田村', '中山', '和田', '石田', '森田', '上田', '内田', '柴田', '酒井', '宮崎', '横山', '高木', '安藤', '宮本', '大野', '小島', '谷口', '工藤', '今井',
  '高田', '丸山', '増田', '杉山', '村田', '大塚', '小山', '平野', '藤本', '河野', '上野', '野口', '武田', '松井', '千葉', '岩崎', '菅原', '木下', '久保', '佐野',
  '野村', '松尾', '市川', '菊地', '菊池', '杉本', '古川', '大西', '島田', '水野', '桜井', '櫻井', '高野', '吉川', '山内', '西田', '飯田', '菅野', '西川', '小松',
  '北村', '安田', '五十嵐', '川口', '平田', '中田', '久保田', '服部', '岩田', '土屋', '川崎', '福島', '本田', '樋口', '秋山', '田口', '永井', '山中', '中西',
  '吉村', '川上', '石原', '大橋', '松岡', '馬場', '浜田', '濱田', '森本', '星野', '矢野', '浅野', '大久保', '松下', '吉岡', '小池', '野田', '荒木', '大谷', '内藤',
  '松浦', '熊谷', '黒田', '尾崎', '永田', '川村', '望月', '田辺', '松村', '荒井', '大石', '中尾', '西山', '小西', '新井', '細川', '浅井', '北川', '平井', '片山',
  '岡崎', '桑原', '坂口', '宮田', '堀田', '川島', '本間', '早川', '小田', '広瀬', '廣瀬', '岩本', '小泉', '神田', '榎本', '関口', '大島', '上原', '須藤', '小笠原',
  '石橋', '大川', '宮下', '古田', '白石', '奥村', '児玉', '堀内', '富田', '村井', '小沢', '小澤', '今村', '三宅', '西岡', '栗原', '河合', '川田', '木内', '桑田',
  '西本', '福井', '竹田', '若林', '篠原', '中嶋', '水谷', '相馬', '野崎', '宇野', '林田', '大森', '三上', '小倉', '高山', '中本', '西尾', '津田', '有田', '森下',
  '堀江', '南', '松原', '上村', '市村', '坂田', '安井', '牧野', '根本', '飯塚', '横田', '大竹', '八木', '岸本', '田島', '梅田', '竹中', '長尾', '宮川', '菅',
  '長田', '阪本', '成田', '山根', '谷', '三好', '内山', '桑名', '戸田', '国分', '大山', '杉浦', '土井', '高島', '松永', '宮内', '沢田', '澤田', '川端', '矢島',
];
const JAPANESE_FAMILY_RE = `(?:${[...JAPANESE_FAMILY].sort((a, b) => b.length - a.length).join('|')})`;
// A given name: one to three kanji (々 repeats the one before), or two to four hiragana, or two to five katakana.
const JA_GIVEN = String.raw`(?:[\u4e00-\u9fff][\u4e00-\u9fff々]{0,2}|[ぁ-ゖ]{2,4}|[ァ-ヺ][ァ-ヺー]{1,4})`;
const JA_NAME = String.raw`${JAPANESE_FAMILY_RE}[ \t\u3000]?${JA_GIVEN}`;
// Keys that hold a person's name: 氏名/名前 name, 申請者 applicant, 承認者 approver, 担当者 person in charge, 従業員名/社員名
// employee's name, 利用者 user, 契約者 contractor, 受取人 recipient, 送信者 sender, 作成者/更新者/登録者 author, 代表者/
// 代表取締役 representative, 配偶者 spouse, 患者 patient, 依頼者 client, 宛名 addressee, 責任者 manager, 上長 superior.
const JA_KEY = String.raw`氏[ \t\u3000]*名|お名前|名前|申請者|承認者|担当者|従業員名|社員名|利用者名?|契約者|受取人|送信者|作成者|更新者|登録者|代表者|代表取締役(?:社長)?|配偶者|扶養親族|患者名?|依頼者|申込者|宛名|責任者|上長|ユーザー名|ユーザ名`;
// Where a Japanese name ends: not inside a longer word (a kanji or kana after it).
const JA_END = String.raw`(?![\u4e00-\u9fff々ぁ-ゖァ-ヺー])`;
const JAPANESE_KEYED = new RegExp(String.raw`(?:${JA_KEY})[ \t\u3000]*(?:[:：=][ \t\u3000]*)?(?<name>${JA_NAME})${JA_END}`);
const JAPANESE_HONORED = new RegExp(String.raw`(?<![\u4e00-\u9fff々ぁ-ゖァ-ヺー])(?<name>${JA_NAME})[ \t\u3000]?(?:様|さん|殿|くん|ちゃん)`);
// A name in katakana under a reading key (`（フリガナ）ワタナベ ショウタ`, `氏名カナ=サトウ ミサキ`).
const JAPANESE_KANA = /(?:フリガナ|ふりがな|ﾌﾘｶﾞﾅ|氏名カナ|カナ氏名|カナ|ヨミ)[)）]?[ \t\u3000]*(?:[:：=][ \t\u3000]*)?(?<kana>[ァ-ヺ][ァ-ヺー]{1,7}[ \t\u3000][ァ-ヺ][ァ-ヺー]{1,7})(?![ァ-ヺー])/;
/** A kanji name alone on the line under its reading (rules.ts person-name's nextLineValue): a family name, a blank, a given name. */
export const JAPANESE_NAME_ALONE = String.raw`${JAPANESE_FAMILY_RE}[ \u3000]${JA_GIVEN}`;
// A given name that is a place's, a company's or an office's word (`田中商店`, `山本工業`, `中村区`).
const JA_NOT_GIVEN = /(?:商店|工業|産業|建設|電機|電気|製作所?|物産|商事|商会|運輸|興業|工務店?|組|社|区|市|町|村|県|府|駅|店|園|館|院|署|課|部|線|寺|橋|通り?|丁目|銀行|病院|工場|支店|本店|会|事務所)$/;
const isJapaneseName = (name: string) => {
  const given = name.replace(new RegExp(`^${JAPANESE_FAMILY_RE}[ \\t\\u3000]?`), '');
  return given !== '' && !JA_NOT_GIVEN.test(given);
};

// --- Vietnamese -------------------------------------------------------------------------------------------------------

const VI_SURNAMES = 'Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý|Đào|Đoàn|Vương|Trịnh|Trương|Lâm|Phùng|Mai|Tô|Hà|Tạ|Quách|Lương|Đinh|Cao|Châu|Thái|Lưu|Mạc|Kiều|Lại|Triệu|Khúc|Tăng|Đàm|Lục|Nghiêm|Chu|Diệp|Giang|Hứa|Thân|Doãn|Kim|La|Tôn|Lã|Lạc|Bạch|Âu|Quan|Khổng|Viên|Ninh|Phí|Ung|Yên|Tống|Hầu|Đồng|Mẫn|Ôn|Thạch|Vi|Cù|Trang';
// A capitalised Vietnamese syllable (its letters with their tone marks: `Tuấn`, `Hùng`, `Thị`).
const VI_SYLLABLE = String.raw`[A-ZÀ-ÝĂÂĐÊÔƠƯẠ-Ỹ][a-zà-ýăâđêôơưạ-ỹ]{0,6}`;
const VI_NAME = String.raw`(?:${VI_SURNAMES})(?:[ \t]${VI_SYLLABLE}){1,3}`;
// Where a Vietnamese name ends: not before another letter.
const VI_END = String.raw`(?![A-Za-zÀ-ỹ])`;
// Keys that hold a person (Họ tên / Họ và tên full name, Tên name, Tên hiển thị display name, Người gửi/nhận sender and
// recipient, Người liên hệ contact, Khách hàng customer, Chủ tài khoản account holder, Bệnh nhân patient, Nhân viên employee).
const VI_KEY = String.raw`[Hh]ọ(?: và)? tên|HỌ(?: VÀ)? TÊN|[Tt]ên(?: hiển thị| người dùng| khách hàng| chủ tài khoản| người nhận| người gửi)?|TÊN|[Nn]gười (?:gửi|nhận|liên hệ|đại diện|bảo lãnh|giám hộ|thuê|cho thuê|mua|bán)|[Kk]hách hàng|[Cc]hủ (?:tài khoản|hộ|xe|nhà)|[Bb]ệnh nhân|[Nn]hân viên|[Gg]iám đốc|[Kk]ế toán trưởng`;
const VI_KEYED = new RegExp(String.raw`(?<![A-Za-zÀ-ỹ])(?:${VI_KEY})[ \t]*(?:[:：=][ \t]*)?["“']?(?<name>${VI_NAME})${VI_END}`);
// A form of address (Anh/Chị elder brother/sister (not Em: `em ` ends English words, a wake word for every `system `), Ông/Bà Mr/Mrs, Cô/Chú/Bác, Bạn friend, Thầy teacher).
const VI_ADDRESS = String.raw`Anh|anh|Chị|chị|Ông|ông|ÔNG|Bà|bà|BÀ|Cô|cô|Chú|chú|Bác|bác|Bạn|bạn|Thầy|thầy|Cháu|cháu|Bé|bé`;
const VI_ADDRESSED = new RegExp(String.raw`(?<![A-Za-zÀ-ỹ])(?:${VI_ADDRESS})[ \t]+(?<name>${VI_NAME})${VI_END}`);
// From, to, with, by (`lời mời kết bạn từ Lê Minh Tuấn (…)`, `gửi cho Trần Thị Mai`).
const VI_FROM = new RegExp(String.raw`(?<![A-Za-zÀ-ỹ])(?:từ|gửi|cho|với|bởi|của|tới)[ \t]+(?<name>(?:${VI_SURNAMES})(?:[ \t]${VI_SYLLABLE}){2,3})${VI_END}`);
// Places and others that read as a surname and given syllables (`TP. Hồ Chí Minh`, `Hà Nội`, `Lâm Đồng`, a street named for a person).
const VI_NOT_A_NAME = /^(?:Hồ Chí Minh|Hà Nội|Hà Nam|Hà Tĩnh|Hà Giang|Hà Đông|Lâm Đồng|Cao Bằng|Thái Bình|Thái Nguyên|Phan Thiết|Phan Rang|Lạc Long Quân|Quan Hoa|Giang Văn Minh|Kim Mã|Hoàng Mai|La Khê|Hồ Tây|Hồ Gươm|Hồ Hoàn Kiếm|Hà Tiên|Mai Dịch|Lê Lợi|Trần Hưng Đạo|Nguyễn Huệ|Lý Thường Kiệt|Lê Duẩn|Hai Bà Trưng|Trần Phú|Nguyễn Trãi|Lê Văn Sỹ|Võ Văn Tần|Nguyễn Đình Chiểu|Điện Biên Phủ)(?: |$)/;
const isVietnameseName = (name: string, line: string, at: number) => {
  if (VI_NOT_A_NAME.test(name)) return false;
  // A street, a ward or a district named for a person (`số 27 Nguyễn Đình Chiểu`, `đường Lê Lợi`, `Phường Đa Kao`).
  return !/(?:số|đường|Đường|phố|Phố|ngõ|Ngõ|hẻm|Hẻm|Phường|phường|Quận|quận|Huyện|huyện|TP\.|Thành phố|tỉnh|Tỉnh|\d)[ \t]*$/.test(line.slice(Math.max(0, at - 16), at));
};

// --- HL7 v2 -----------------------------------------------------------------------------------------------------------

// A name component: letters of any Latin script, or Han (a Chinese name's repetition `~赵美玲^^^`).
const HL7_PART = String.raw`[A-Za-zÀ-ÖØ-öø-ÿĀ-ž][A-Za-zÀ-ÖØ-öø-ÿĀ-ž' -]{0,39}`;
const HL7_NAME = String.raw`${HL7_PART}\^${HL7_PART}(?:\^${HL7_PART})?(?=\^|[|~]|\r?$)|[\u4e00-\u9fa5]{2,4}(?=\^|[|~]|\r?$)`;
// A segment starts its line, or follows the one before after a lone `\r` (HL7's own segment separator, as a log prints a
// message whole). PID-5 (the patient) with a second repetition, PID-6 (the mother's maiden name) left aside; NK1-2 (next of kin);
// PV1-7 and PV1-8 (attending and referring doctors, `id^family^given`).
const HL7_PID = new RegExp(String.raw`(?:^|\r)PID\|(?:[^|\r\n]*\|){4}(?<name>${HL7_NAME})?[^|~\r\n]*(?:~(?<name2>${HL7_NAME}))?`);
const HL7_NK1 = new RegExp(String.raw`(?:^|\r)NK1\|[^|\r\n]*\|(?<name>${HL7_NAME})`);
const HL7_PV1 = new RegExp(String.raw`(?:^|\r)PV1\|(?:[^|\r\n]*\|){6}(?:[^|^~\r\n]{0,20}\^(?<name>${HL7_NAME})[^|\r\n]*)?(?:\|[^|^~\r\n]{0,20}\^(?<name2>${HL7_NAME}))?`);
// Components that fill a name field without naming anyone.
const HL7_NOT_A_NAME = /^(?:unknown|test|patient|anonymous|unbekannt|doe|xxx|none|null|n\/a)$/i;
const isHl7Name = (value: string) => {
  if (/^[\u4e00-\u9fa5]+$/.test(value)) return isChineseName(value);
  return !value.split('^').some((part) => HL7_NOT_A_NAME.test(part.trim()));
};

// --- Chinese ----------------------------------------------------------------------------------------------------------

const HAN_NAME = String.raw`[\u4e00-\u9fa5]{2,4}`;
// A pinyin abbreviation of 姓名 (`xm=`, `khxm` 客户姓名, `hzxm` 患者姓名, `xsxm` 学生姓名, `xingming`), 联系人 (`lxr`),
// 申请人 (`sqr`), 经办人 (`jbr`), 负责人 (`fzr`), as Chinese campus, hospital and government systems name their fields.
const CN_PINYIN_KEYED = new RegExp(String.raw`(?<![A-Za-z0-9_])(?<kq>["']?)(?:[a-z]{0,4}xm|[a-z]{0,4}XM|xingming|XINGMING|lxr|LXR|sqr|SQR|jbr|JBR|fzr|FZR)\k<kq>[:=][ \t]*["']?(?<name>${HAN_NAME})(?![\u4e00-\u9fa5])`);
// An owner's, a caller's or a tenant's role glued to the name and the name to their phone (`业主毛振宇电话136…`, `车主王磊手机`).
const CN_GLUED = new RegExp(String.raw`(?:业主|户主|房主|车主|租户|租客|住户|来电人|投诉人|报案人|当事人|联系人|家属|患者|病人)(?<name>[\u4e00-\u9fa5]{2,4}?)(?:的)?(?:联系)?(?:电话|手机|手机号|号码|座机|身份证)`);
// A coach, a recruiter or a driver before the name (`教练：钮立新`, `招生员：诸葛红梅`, `司机: 王磊`).
const CN_ROLE = new RegExp(String.raw`(?<![\u4e00-\u9fa5])(?:教练|教练员|招生员|带教|带教老师|司机|驾驶员|安全员|考官|监考|班主任|辅导员|导师|导游|领队)[ \t\u3000]*[:：][ \t\u3000]*(?<name>${HAN_NAME}?)(?=[ \t\u3000,，;；。、|/(（)）]|\d|\r?$)`);
// A meeting or a call with someone (`与 郜明远 的 1:1 周会`, `和张伟的通话`), a subtitle's or a meeting's speaker (`字幕 郜明远:`).
const CN_WITH = new RegExp(String.raw`(?<![\u4e00-\u9fa5])(?:与|和|跟)[ \t]*(?<name>${HAN_NAME}?)[ \t]*的[ \t]*(?:1[:：]1|一对一|周会|例会|会议|面谈|通话|聊天|沟通)|(?:字幕|发言人|主讲人|讲者|说话人)[ \t]{0,4}(?:[:：][ \t]{0,4})?(?<speaker>${HAN_NAME}?)[ \t]{0,4}[:：]`);

/** person-name's patterns of this file (rules.ts spreads them into its list). */
export const PERSON_CJK_PATTERNS: readonly RulePattern[] = [
  { regex: KOREAN_KEYED, targets: [{ group: 'name' }], validate: 'koreanKeyedName' },
  { regex: KOREAN_KEYED_BARE, targets: [{ group: 'name' }], validate: 'koreanName' },
  { regex: KOREAN_LATIN_KEYED, targets: [{ group: 'name' }], validate: 'koreanName' },
  { regex: KOREAN_HONORED, targets: [{ group: 'name' }], validate: 'koreanName' },
  { regex: KOREAN_TITLED, targets: [{ group: 'name' }], validate: 'koreanName' },
  { regex: JAPANESE_KEYED, targets: [{ group: 'name' }], validate: 'japaneseName' },
  { regex: JAPANESE_HONORED, targets: [{ group: 'name' }], validate: 'japaneseName' },
  { regex: JAPANESE_KANA, targets: [{ group: 'kana' }] },
  { regex: VI_KEYED, targets: [{ group: 'name' }], validate: 'vietnameseName' },
  { regex: VI_ADDRESSED, targets: [{ group: 'name' }], validate: 'vietnameseName' },
  { regex: VI_FROM, targets: [{ group: 'name' }], validate: 'vietnameseName' },
  { regex: HL7_PID, targets: [{ group: 'name' }, { group: 'name2' }], validate: 'hl7Name' },
  { regex: HL7_NK1, targets: [{ group: 'name' }], validate: 'hl7Name' },
  { regex: HL7_PV1, targets: [{ group: 'name' }, { group: 'name2' }], validate: 'hl7Name' },
  { regex: CN_PINYIN_KEYED, targets: [{ group: 'name' }], validate: 'cjkChineseName' },
  { regex: CN_GLUED, targets: [{ group: 'name' }], validate: 'cjkChineseName' },
  { regex: CN_ROLE, targets: [{ group: 'name' }], validate: 'cjkChineseName' },
  { regex: CN_WITH, targets: [{ group: 'name' }, { group: 'speaker' }], validate: 'cjkChineseName' },
];

const g = (m: RegExpExecArray, name: string) => m.groups?.[name] ?? '';

// Han words the new Chinese places may hold that start with a surname's character (`与 同事 的会议`, `和 客户 的通话`).
const CJK_NOT_HAN = /^(?:张贴|张开|张望|李子|上官方|上官网|同事|客户|对方|领导|老板|大家|我们|你们|他们|她们|家人|朋友|本人|自己|全员|全体|团队|小组|部门|公司|甲方|乙方|供应商|外部|内部|平台|系统|机器人|助手|主持人|嘉宾)/;

/** Validators of this file (rule-validators.ts registers them). */
export const PERSON_CJK_VALIDATORS = {
  /** A Korean name under a key and its colon: two syllables too. */
  koreanKeyedName: (m: RegExpExecArray) => isKoreanName(g(m, 'name'), 2),
  koreanName: (m: RegExpExecArray) => isKoreanName(g(m, 'name'), m.groups?.['kq'] !== undefined ? 2 : 3),
  japaneseName: (m: RegExpExecArray) => isJapaneseName(g(m, 'name')),
  vietnameseName: (m: RegExpExecArray, line: string) => isVietnameseName(g(m, 'name'), line, m.index + m[0].lastIndexOf(g(m, 'name'))),
  hl7Name: (m: RegExpExecArray) => [g(m, 'name'), g(m, 'name2')].some((v) => v !== '' && isHl7Name(v)) && [g(m, 'name'), g(m, 'name2')].every((v) => v === '' || isHl7Name(v)),
  cjkChineseName: (m: RegExpExecArray) => [g(m, 'name'), g(m, 'speaker')].some((v) => v !== '' && isChineseName(v) && !CJK_NOT_HAN.test(v)),
};

/** Marks-scan wakes (case-sensitive fragments, each starting at a non-ASCII literal: ASCII-led wakes are words). */
export const PERSON_CJK_MARKS = [
  KOREAN_KEY.replace(/\[ \\t\\u3000\]\*/g, ''),
  String.raw`성[ \t\u3000]+명|담[ \t\u3000]+당`,
  KOREAN_AFTER,
  KOREAN_BEFORE,
  // A Hangul value of a Latin key (`"empNm":"박서준"`, `userName=홍길동`): its first syllable, the key behind it.
  String.raw`[가-힣](?<=(?:name|Name|NAME|Nm|_nm|_NM)["']?[ \t]*[:=][ \t]*["']?[가-힣])`,
  JA_KEY,
  String.raw`様|さん|殿|くん|ちゃん|フリガナ|ふりがな|ﾌﾘｶﾞﾅ|カナ|ヨミ`,
  String.raw`Ông|ông|ÔNG`,
  String.raw`业主|户主|房主|车主|租户|租客|住户|来电人|投诉人|报案人|当事人|联系人|家属|患者|病人|教练|招生员|带教|司机|驾驶员|安全员|考官|监考|班主任|辅导员|导师|导游|领队|字幕|发言人|主讲人|讲者|说话人`,
  String.raw`的[ \t]*(?:1[:：]1|一对一|周会|例会|会议|面谈|通话|聊天|沟通)`,
].join('|');

/** Words-scan wakes (case-insensitive literals): Vietnamese keys and forms of address, HL7 segment ids, pinyin keys. */
export const PERSON_CJK_WORDS = [
  'họ ', 'tên', 'người ', 'khách hàng', 'chủ ', 'bệnh nhân', 'nhân viên', 'giám đốc', 'kế toán',
  'anh ', 'chị ', 'bà ', 'cô ', 'chú ', 'bác ', 'bạn ', 'thầy ', 'cháu ', 'bé ',
  'từ ', 'gửi ', 'cho ', 'với ', 'bởi ', 'của ', 'tới ',
  'pid|', 'nk1|', 'pv1|',
  'xm=', 'xm"', "xm'", 'xm:', 'xingming', 'lxr', 'sqr', 'jbr', 'fzr',
];

/**
 * Per-line trigger fragments (person-name's trigger is case-insensitive): each pattern above needs one. Each starts at a
 * class of its script's letters or at a rare literal, not at a list of Han or Hangul words: the trigger's wide part is
 * tried at every character of a woken Chinese line, and a list of N words costs N tests there (a first version with
 * ~150 such words tripled person-name's time on Chinese text).
 */
// Vietnamese letters (tone marks, ă â đ ê ô ơ ư): every key and most forms of address hold one; `anh`, `cho` do not.
const VI_LETTER = String.raw`[àáâãèéêìíòóôõùúýăđĩũơưạ-ỹÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĐĨŨƠƯẠ-Ỹ]`;
export const PERSON_CJK_TRIGGER = [
  // Korean: two Hangul syllables (every Korean pattern's name).
  String.raw`[가-힣]{2}`,
  // Japanese: kana; a key (its last character first); a kanji name before 様 or 殿.
  String.raw`[ぁ-ゖァ-ヺ]`,
  String.raw`[名者前人長族役](?<=(?:${JA_KEY}))[ \t\u3000]*(?:[:：=][ \t\u3000]*)?[\u4e00-\u9fff]`,
  String.raw`[様殿](?<=[\u4e00-\u9fff々][ \t\u3000]?[様殿])`,
  // Vietnamese.
  VI_LETTER,
  String.raw`(?:anh|cho)[ \t]+[^ \t\r\n]`,
  // HL7.
  String.raw`(?:pid|nk1|pv1)\|`,
  // Chinese.
  String.raw`(?:xm|xingming|lxr|sqr|jbr|fzr)["']?[:=][ \t]*["']?[\u4e00-\u9fa5]{2}`,
  String.raw`(?:电话|手机|号码|座机|身份证)(?<=(?:业主|户主|房主|车主|租户|租客|住户|来电人|投诉人|报案人|当事人|联系人|家属|患者|病人)[\u4e00-\u9fa5]{2,7})`,
  String.raw`[:：](?<=(?:教练|教练员|招生员|带教|带教老师|司机|驾驶员|安全员|考官|监考|班主任|辅导员|导师|导游|领队)[ \t\u3000]*[:：])[ \t\u3000]*[\u4e00-\u9fa5]{2}`,
  String.raw`的(?<=(?:与|和|跟)[ \t]*[\u4e00-\u9fa5]{2,4}[ \t]*的)`,
  String.raw`[:：](?<=(?:字幕|发言人|主讲人|讲者|说话人)[^\r\n]{2,18})`,
].join('|');
