import { describe, expect, it } from 'vitest';
import { clipLabel, clipPreview } from '../../../components/sidepanel/labels';

const p = (...t: string[]) => t.map((text) => ({ type: 'paragraph' as const, text }));

describe('clip labels', () => {
  it('a titled clip is named by its title and previews its body', () => {
    expect(clipLabel({ title: '标题', body: p('正文第一段。') })).toBe('标题');
    expect(clipPreview({ title: '标题', body: p('正文第一段。', '第二段。') })).toBe('正文第一段。 第二段。');
  });
  it('an untitled caption is named by the start of its text, cut at a character boundary', () => {
    const text = '日前,江苏出入境边防检查总站轮训大队组织培训班学员民警到雨花烈士陵园';
    expect(clipLabel({ title: '', body: p(text) }, 10)).toBe(`${[...text].slice(0, 10).join('')}…`);
    expect(clipPreview({ title: '', body: p(text) })).toBeNull();
    expect(clipLabel({ title: '', body: [] })).toBeNull();
    expect(clipLabel({ title: '', body: p('𠀀𠀁𠀂') }, 2)).toBe('𠀀𠀁…');
  });
});
