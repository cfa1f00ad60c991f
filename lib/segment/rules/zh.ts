// Chinese e-paper rules as data (jusText/Readability style): one table, no logic.
import type { LanguageRules } from './types';

/** A personal name as printed in bylines and credits (2–4 Han characters, or with an interpunct). */
// A name: 2–5 characters, or a two-character one padded to three characters' width (杨 迅, 陈  祯).
// A padded name may run into the 摄 of a credit (闫 婧摄).
const NAME = '(?:[\\u4e00-\\u9fff][ \\u3000]{1,3}[\\u4e00-\\u9fff](?!(?!摄)[\\u4e00-\\u9fff·])|[\\u4e00-\\u9fff][\\u4e00-\\u9fff·]{1,4})';
const NAMES = `${NAME}(?:[\\s、，,]+${NAME})*`;
// 本报记者, 新华社记者, 某某日报记者, 全媒体记者, 本报特派记者, 驻京记者…
const ROLE =
  '(?:本报|新华社|中新社|[\\u4e00-\\u9fff]{2,8}(?:日报|晚报|早报|商报|时报))?(?:特约|见习|首席|实习|全媒体|融媒体|特派|驻[\\u4e00-\\u9fff]{1,4})?(?:记者|通讯员|实习生|评论员|摄影记者)';
/** What follows 记者 in a column's name (记者手记, 记者观察), never a name. */
const REPORTER_COLUMN = '手记|观察|调查|札记|笔记|日记|来信|探访|走访|体验|视点|追踪|见闻|连线|直击';
/** Roles and their names (本报记者 李明 通讯员 王芳); never a column named after reporters (记者手记). */
const PEOPLE = `(?:${ROLE}\\s*(?!${REPORTER_COLUMN})${NAMES}\\s*)+`;
/** The photo agency or column a credit may name after 摄: 韩加君摄（影像中国）. */
const AFTER_CREDIT = '(?:[(（][^()（）]{2,12}[)）])?';
/**
 * Common single-character surnames, and the compound ones: an author's name printed alone under
 * a headline is told from a two- or three-character word by them. Surnames that are also common
 * words at the start of a phrase (和, 时, 全, 明, 应, 于, 单, 成, 向, 常, 路, 解, 文, 华, 安, 万) are left out.
 */
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵钱严覃武戴莫孔汤温康施牛樊葛邢齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕季裴霍涂苗谷盛曲翁冉骆蓝游辛靳管柴蒙鲍喻祁蒲房滕屈饶牟艾尤穆卓缪简车项连麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬边卞姬仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝';
const COMPOUND_SURNAMES = '欧阳|司马|诸葛|上官|司徒|东方|皇甫|令狐|慕容|尉迟|长孙|宇文|公孙|夏侯|端木|南宫';
/** A name of two or three characters that starts with a common surname (吴象, 崔华前, 欧阳山). */
const SURNAMED = `(?:[${SURNAMES}]|${COMPOUND_SURNAMES})[\\u4e00-\\u9fff]{1,2}`;
/**
 * Last characters of short headlines that are things, places and events, never of a name
 * (金牌榜, 龙舟赛, 石磨): a two- or three-character line ending in one is no author.
 */
const NOT_NAME_END = '榜赛会节展馆院站厂店村镇县市区省路街桥楼场港湾队组部局处所办委团报刊网日月年周季记录说谈论志史图表单票价税费菜酒车船舟机器磨剧';
const PAGE = '(?:[A-Za-z]?\\d{1,3}|[一二三四五六七八九十]{1,3})';

export const zh: LanguageRules = {
  sentenceEnd: /[。！？!?…．.]$/,
  continues: /[，、；：,;:—]$/,
  closers: /[”’"'」』）)》〉】\]\s]+$/,
  maxHeading: 40,
  maxHeadingWithClause: 20,
  clauseBreak: /[，、,;；]/,
  headingShape: null,
  // A sentence inside, or an interview's question or answer (问：… 答：…), never a headline.
  notInHeading: /[。；;]|[！？!?](?=.)(?![(（][^()（）]{1,16}[)）]$)|^(?:问|答)\s*[：:]/,

  marker: new RegExp(
    `^[(（]?\\s*(?:(?:下转|转至|转到|转)\\s*第?\\s*(?<to>${PAGE})\\s*版|(?:上接|紧接|接|承)\\s*第?\\s*(?<from>${PAGE})\\s*版)\\s*[)）]?$`,
  ),
  trailingMarker: new RegExp(`\\s*(?:[(（]\\s*(?:下转|转)\\s*第?\\s*(?<to>${PAGE})\\s*版\\s*[)）]|下转第\\s*(?<to2>${PAGE})\\s*版)\\s*$`),
  leadingMarker: new RegExp(`^[(（]\\s*(?:上接|紧接|接|承)\\s*第?\\s*${PAGE}\\s*版\\s*[)）]\\s*`),

  pageHeader: [
    /^第\s*[A-Za-z]?\d{1,3}\s*版(?:\s*[:：]?\s*[\u4e00-\u9fff·]{0,10})?$/,
    /^[A-Za-z]?\d{1,3}\s*版\s*[:：]?\s*[\u4e00-\u9fff·]{0,8}$/,
    /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:星期[一二三四五六日天])?$/,
    /^星期[一二三四五六日天]$/,
  ],
  editor: [
    /^(?:投稿邮箱|投稿信箱|来稿邮箱|本版邮箱|选题线索来信邮箱|责任编辑|本版责编|责编|值班编辑|编辑|校对|美编|组版|版式设计|版式|本期统筹|审读|图片编辑)\s*[:：]/,
    /^(?:本版)?(?:责任编辑|责编|校对|美编|编辑)\s*[\u4e00-\u9fff]{2,4}(?:\s+[\u4e00-\u9fff]{2,4})*$/,
  ],
  mastheadStrong: [
    /^(?:电话|传真|电子邮箱|邮箱|地址|社址|邮编|邮政编码|网址|广告(?:部|热线|电话|许可证)?|发行(?:部|热线|电话)?|订阅(?:电话)?|新闻热线|热线|印刷|总编室)\s*[:：]/,
    /^[(（][^)）]{2,30}(?:公司|报社|集团|中心)[)）]$/,
    /^(?:国内统一连续出版物号|邮发代号|定价|零售价)/,
    /^CN\s*\d{2}\s*-\s*\d{4}/,
  ],
  mastheadWeak: [/^[\u4e00-\u9fff]{2,12}(?:报|报社|新闻网|网)(?:广告部|发行部|编辑部|总编室|新闻网)?$/, /^[\u4e00-\u9fff]{2,12}报社[\u4e00-\u9fff]{1,6}$/],

  noticeHead:
    /^(?:遗失声明|作废声明|注销公告|减资公告|清算公告|债权申报公告|声明|公告|公示|启事|通告|招聘启事|寻人启事|拍卖公告|[\u4e00-\u9fff]{2,14}(?:公告|声明|启事|公示|通告))$/,
  noticeBody: /声明作废|作废声明|特此(?:公告|声明|公示|通知)|遗失.{0,40}作废/,

  // Roles and names (本报记者 李明, 文/本报记者 李明, （记者 李明）), a paper's commentator
  // (本报评论员), or a surnamed name after the square commentaries print before an author (□崔华前,
  // □张三（某医院心内科）; not a bullet: ◎产业兴旺, □记者手记).
  byline: new RegExp(
    `^(?:[■□●▲◆]?\\s*(?:(?:文|图|撰文|采写)\\s*[/／:：|]\\s*|文\\s*[/／]\\s*图\\s*[/／:：|]?\\s*)?${PEOPLE}(?:文\\s*[/／]\\s*[图摄])?|[(（]\\s*${PEOPLE}[)）]|(?:本报|[\\u4e00-\\u9fff]{2,8}(?:日报|晚报))评论员|[□○◎]\\s*${SURNAMED}\\s*(?:[(（][^()（）]{2,30}[)）])?)$`,
  ),
  datelines: [
    /^(?<dateline>(?:本报(?:特|专|综合)?|本市|本县|本区|[\u4e00-\u9fff]{2,10}(?:日报|晚报|早报|时报|商报|报|网)|(?:新华社|中新社)[\u4e00-\u9fff]{2,12}分社[\u4e00-\u9fff]{0,6})讯)(?![息号问])\s*(?:[(（](?<byline>[^()（）]{1,40})[)）])?\s*/,
    /^(?<dateline>(?:本报|新华社|中新社|人民网|央视网|[\u4e00-\u9fff]{2,8}(?:日报|晚报)记者)[\u4e00-\u9fff]{0,12}(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})月)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})日(?:急电|专电|电|讯))\s*(?:[(（](?<byline>[^()（）]{1,40})[)）])?\s*/,
    /^【(?<dateline>[^】]{2,24}?(?:电|讯))】\s*(?:[(（](?<byline>[^()（）]{1,40})[)）])?\s*/,
    /^(?<dateline>据《[^》]{2,20}》(?:消息|报道))\s*(?:[(（](?<byline>[^()（）]{1,40})[)）])?\s*/,
  ],
  captionCredit: new RegExp(
    `^(?<text>.*?[。！？!?.”）)\\s])\\s*[(（]?\\s*(?<credit>(?:${ROLE})?\\s*${NAMES})\\s*[/／]?\\s*摄\\s*[)）]?${AFTER_CREDIT}$`,
    's',
  ),
  captionTail: /摄\s*[)）]?(?:[(（][^()（）]{2,12}[)）])?$/,
  maxCaption: 200,
  // 图为…, 图①：…, and a photo's source in brackets: （图片由受访者提供）
  captionLead: /^(?:图为|(?:上|下|左|右|中)?图\s*[①-⑳\d]{0,2}\s*[:：]|[(（](?:图片|照片|资料图片|配图)[^()（）]{0,20}[)）]$)/,
  creditOnly: new RegExp(`^[(（]?\\s*(?<credit>(?:${ROLE})?\\s*${NAMES})\\s*[/／]?\\s*摄\\s*[)）]?${AFTER_CREDIT}$`),
  slogan: /^[\u4e00-\u9fff]{2,8}(?:[\s·]+[\u4e00-\u9fff]{2,8}){1,3}$/,
  stutter: /([\u4e00-\u9fff]{3,8})(?:、\1)+(?=[、，。！？；：”’」』）)\s,.!?;:]|$)/g,
  orphanStart: /^[\u4e00-\u9fff]{1,8}、/,
  // 三、问题的焦点 / 2.特殊群体 / （一）… / 三 抢救 (a numeral and a space before the heading's words)
  // (not a column's name spaced out: 一 线 调 查)
  numbered: /^(?:(?:[一二三四五六七八九十百]+|\d+|[(（][一二三四五六七八九十\d]+[)）])[、.．]|[一二三四五六七八九十]{1,3}[ \u3000]+(?=[\u4e00-\u9fff]{2}))/,
  // 【基层实践】, or a bullet before a short heading (◎产业兴旺, ■新闻链接)
  sectionLabel: /^(?:【[^【】]{2,12}】|[◎●■□▲◆◇○]\s*[\u4e00-\u9fff][^。！？；]{1,20})$/,
  trailer: /^[(（][^()（）]{1,60}[)）]$/,
  noteWord: /来源|参与|整理|摘|据|电|讯|作者|编|译|供|图|文|完|续|转|记者|通讯员|特约/,
  leadWords: new RegExp(`(?:记者|通讯员|评论员)(?!${REPORTER_COLUMN})|撰文|编者按|编者的话`),
  dashKicker: /^(?<text>[^—–-]{2,40}?)\s*(?:——|—|--)$/,
  // (not a deadline: …将持续至6月30日)
  signature: /(?<![至于到起前止])(?:[一二三四五六七八九十〇]{1,3}|\d{1,2})月(?:[一二三四五六七八九十〇]{1,3}|\d{1,2})日$/,
  commonChars: '的了是在和有一不这也就为我他们个到说要以会对而与及等着来将从被把让都还又并所其之于向由但该此那各很已后前里出过下去自己得没只些你她它么什',
  commonWords: '发展 工作 中国 人民 国家 社会 建设 进行 开展 推进 加强 推动 群众 服务 企业 今年 去年 目前 记者 表示 介绍 经济 管理 提高 提升 实现 重要 全国 全省 全市 全县 政府 部门 活动 问题 情况 时间 地方 生活 同时 已经 通过 以及 成为 作为 需要 近年 年来 以来 一些 不断 持续 进一步 相关 有关 主要 方面 工程 项目 领域 体系 机制 能力 水平 质量 高质 创新 改革 政策 全面 坚持 坚定 积极 努力 大力 深入 认真 切实 有效 明显 显著 当地 各地 各级 日前 近日 昨天 今天 如今 现在 当时 正在 开始 成功 首次 一起 这样 那样 怎么 什么 因为 所以 但是 如果 就是 还是 不是 都是 可以 能够 应该 必须'.split(' '),
  // 吴象, 欧阳山, 陈  祯; with the author's post in brackets: 张三（某医院心内科）
  bareName: new RegExp(`^(?:(?!.*[${NOT_NAME_END}]$)${SURNAMED}|[\\u4e00-\\u9fff][ \\u3000]{1,3}[\\u4e00-\\u9fff])(?:[(（][^()（）]{2,30}[)）])?$`),
};
