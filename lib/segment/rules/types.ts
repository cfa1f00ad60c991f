// The shape of a language rule table (rules/zh.ts, rules/en.ts): patterns only, no logic.

export interface LanguageRules {
  /**
   * Characters that end a sentence (checked after closing quotes/brackets are stripped). This and
   * `continues` are matched on a text's last 16 characters (text.ts endsWith): keep them to a few
   * characters before `$`.
   */
  sentenceEnd: RegExp;
  /** Characters that say the sentence goes on (a dangling comma, enumeration mark…). */
  continues: RegExp;
  /** Closing quotes and brackets stripped before looking at the last character. */
  closers: RegExp;
  /** Longest block that may be a headline or subhead (in characters). */
  maxHeading: number;
  /** Longest headline that has a clause break (，、,) inside: longer ones are sentence pieces. */
  maxHeadingWithClause: number;
  /** Clause breaks inside a line. */
  clauseBreak: RegExp;
  /** A block shaped like a headline (after the length check); `null` means "any unpunctuated short block". */
  headingShape: RegExp | null;
  /** A headline line never contains these (sentence punctuation inside). */
  notInHeading: RegExp;
  /** Standalone continuation markers: group `to` holds the page for 下转/转, `from` for 上接. */
  marker: RegExp;
  /** A continuation marker at the end of a paragraph. */
  trailingMarker: RegExp;
  /** A continuation marker at the start of a paragraph. */
  leadingMarker: RegExp;
  /** Page headers: 版次, dates, section banners. */
  pageHeader: RegExp[];
  /** Editorial furniture: 投稿邮箱, 责任编辑, 校对… */
  editor: RegExp[];
  /** Masthead/footer lines that are furniture on their own. */
  mastheadStrong: RegExp[];
  /** Masthead lines (paper names) that are furniture only next to other masthead lines. */
  mastheadWeak: RegExp[];
  /** A notice's heading (遗失声明, 公告). */
  noticeHead: RegExp;
  /** Text of a notice body. */
  noticeBody: RegExp;
  /** A block that is only a byline (people). */
  byline: RegExp;
  /** Datelines that open a paragraph: groups `dateline`, optional `byline`; the rest is body text. */
  datelines: RegExp[];
  /** A caption: group `text` then group `credit` (the photographers). */
  captionCredit: RegExp;
  /** Cheap test run before captionCredit: the block ends like a credit. */
  captionTail: RegExp;
  /** Longest block a page's caption markup (figcaption…) is believed for: longer is article text. */
  maxCaption: number;
  /** A caption without a credit (图为…). */
  captionLead: RegExp;
  /** A block that is only a photo credit (`本报记者 曹继炜摄`): group `credit`. */
  creditOnly: RegExp;
  /** Slogans/adverts: short spaced phrases with no article after them. */
  slogan: RegExp;
  /** Stutter: an enumeration item printed twice (`热血沸腾、热血沸腾`); group 1 is the item. */
  stutter: RegExp | null;
  /** An orphaned continuation starts with an enumeration item (`社区、站所…`). */
  orphanStart: RegExp | null;
  /** Text starting like a numbered list item, never an orphaned continuation. */
  numbered: RegExp;
  /** A section's label inside an article (【基层实践】): a subhead wherever an article is open. */
  sectionLabel: RegExp | null;
  /**
   * A note closing an article, alone on its line in brackets: who else wrote it, where it was taken
   * from, the agency line (（完）, （本报记者 X 整理）, （摘编自《…》）, （新华社北京10月10日电）).
   */
  trailer: RegExp | null;
  /** Words of such a note (来源, 参与, 整理, 电…): a bracketed line without one, over a headline, is that headline's column name. */
  noteWord: RegExp | null;
  /** A line naming an article's writers or opening an editor's note (记者, 编者按): never a section's heading inside another article. */
  leadWords: RegExp | null;
  /** A kicker that ends with a dash (河东村——) over the headline it introduces; group `text`. */
  dashKicker: RegExp | null;
  /** A letter's or telegram's signature: a sender and the date it was signed (冀南书店五月九日). */
  signature: RegExp | null;
  /**
   * Function characters (的, 了, 是…) and frequent words (发展, 工作, 记者…): too common to say what an
   * article is about, left out when a section's text is compared with its article's.
   */
  commonChars: string;
  commonWords: readonly string[];
  /** A line that is only an author's name, printed under the headline (吴象, 刘白羽); null: no such rule. */
  bareName: RegExp | null;
}
