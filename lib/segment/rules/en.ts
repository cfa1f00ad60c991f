// English (OCR'd newspaper) rules as data: one table, no logic.
import type { LanguageRules } from './types';

const SMALL = '(?:a|an|the|and|or|of|to|in|on|at|by|for|with|from|as|is|are|be|it|its|his|her|vs\\.?|&)';
const CAP = '[A-Z0-9"\'“‘($][^\\s]*';
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';

export const en: LanguageRules = {
  sentenceEnd: /[.!?…]$/,
  continues: /[,;:\-–—]$/,
  closers: /[”’"')\]}\s]+$/,
  maxHeading: 70,
  maxHeadingWithClause: 70,
  clauseBreak: /[,;]/,
  // Title Case or ALL CAPS: every significant word starts with a capital or digit.
  headingShape: new RegExp(`^${CAP}(?:\\s+(?:${CAP}|${SMALL}))+$`),
  notInHeading: /[.,;:]$|[.!?]\s+[a-z]/,

  marker: /^\(?\s*(?:continued|cont'd)\s+(?:on\s+(?:page|p\.)\s*(?<to>\d{1,3})|from\s+(?:page|p\.)\s*(?<from>\d{1,3}))\s*\)?\.?$/i,
  trailingMarker: /\s*\(\s*(?:continued|cont'd)\s+on\s+(?:page|p\.)\s*(?<to>\d{1,3})\s*\)\.?\s*$/i,
  leadingMarker: /^\(\s*(?:continued|cont'd)\s+from\s+(?:page|p\.)\s*\d{1,3}\s*\)\.?\s*/i,

  pageHeader: [/^page\s+\d{1,3}$/i, new RegExp(`^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\\s+${MONTH}\\s+\\d{1,2},?\\s+\\d{4}\\.?$`)],
  editor: [/^(?:editor|publisher|editor and publisher|managing editor)s?\s*[:.,-]/i],
  mastheadStrong: [/^VOL(?:UME|\.|'|l)/, /\bPER\s+(?:ANNUM|YEAR)\b/i, /^(?:telephone|phone|tel\.)\s*[:.]?\s*\d/i, /^NUMBER\s+\S+$/],
  mastheadWeak: [/^THE\s+[A-Z][A-Z .'-]{3,40}\.?$/, /^A\s+Newspaper\b/i],

  noticeHead: /^(?:NOTICE|LEGAL NOTICE|PUBLIC NOTICE|SHERIFF'?S SALE|NOTICE OF [A-Z ]{3,40})\.?$/,
  noticeBody: /\bnotice is hereby given\b|\bhereby (?:notified|given)\b/i,

  byline: /^By\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,4}$/,
  datelines: [new RegExp(`^(?<dateline>[A-Z][A-Za-z .]{2,30},\\s*${MONTH}\\s*\\d{1,2}(?:,\\s*\\d{4})?\\.?)(?:\\s*[-—–]+)?\\s*(?:\\((?<byline>[A-Z][A-Za-z. ]{1,20})\\)\\s*[-—–]*\\s*)?`)],
  captionCredit: /^(?<text>.*?[.!?)\s])\s*\(?\s*(?:Photo(?:graph)?\s+by|Photo:)\s*(?<credit>[A-Z][\w.' -]{1,40}?)\s*\)?\.?$/s,
  captionTail: /photo(?:graph)?\s*(?:by|:)\s*[A-Z][\w.' -]{1,40}\)?\.?$/i,
  maxCaption: 400,
  captionLead: /^(?:Above|Below|Left|Right|Pictured|Photo)\s*[:—-]/,
  creditOnly: /^\(?\s*(?:Photo(?:graph)?\s+by|Photo:)\s*(?<credit>[A-Z][\w.' -]{1,40}?)\s*\)?\.?$/,
  slogan: /^(?!)/,
  stutter: null,
  orphanStart: null,
  numbered: /^(?:\d+|[IVX]+|[a-z])[.)]\s/,
  sectionLabel: null,
  trailer: null,
  noteWord: null,
  leadWords: null,
  dashKicker: null,
  signature: null,
  commonChars: '',
  commonWords: ['that', 'this', 'with', 'from', 'have', 'were', 'will', 'said', 'they', 'their', 'there', 'which', 'been', 'would', 'when', 'about', 'more', 'than', 'into', 'some', 'what', 'also', 'only', 'other', 'after', 'over', 'most', 'made', 'people', 'year', 'years', 'time'],
  bareName: null,
};
