import { describe, expect, it } from 'vitest';
import { parseEnpProperty, parseHtml, readEnpProperty } from '../../../lib/extract';
import { sampleFiles, sampleHtml } from './helpers';

describe('enpproperty', () => {
  it('parses the classic dialect and drops the founder- prefix', () => {
    const p = parseEnpProperty('enpproperty <founder-date>2025-03-08 23:59:59</founder-date><founder-title>标题 一</founder-title><founder-pagenum>A01</founder-pagenum><founder-papername>某某日报</founder-papername><founder-author></founder-author> /enpproperty');
    expect(p).toEqual({ date: '2025-03-08 23:59:59', title: '标题 一', pagenum: 'A01', papername: '某某日报', author: '' });
  });

  it('parses the PC dialect', () => {
    const p = parseEnpProperty('enpproperty <date>2024-08-30 00:00:00:0</date><author>某记者</author><url>http://x.cn/PC/content/202408/30/content_1.html</url><title>标题</title><liability></liability>/enpproperty');
    expect(p.title).toBe('标题');
    expect(p.url).toBe('http://x.cn/PC/content/202408/30/content_1.html');
    expect(p.author).toBe('某记者');
  });

  it('reads the comment after </html> and inside founder-content; first non-empty value wins', () => {
    const doc = parseHtml('<html><body><founder-content><p>正文</p><!--enpproperty <title>里面</title><author></author>/enpproperty--></founder-content></body></html><!--enpproperty <founder-title>外面</founder-title><founder-author>作者甲</founder-author> /enpproperty-->');
    expect(readEnpProperty(doc)).toMatchObject({ title: '里面', author: '作者甲' });
  });

  it('ignores other comments and pages without one', () => {
    expect(readEnpProperty(parseHtml('<html><body><!-- enpcontent --><p>x</p></body></html>'))).toEqual({});
  });

  it.each(sampleFiles().filter((f) => f.startsWith('founder')))('real sample %s has title or paper metadata', (file) => {
    const enp = readEnpProperty(parseHtml(sampleHtml(file)));
    if (file.includes('amucsite')) expect(enp).toEqual({});
    else expect(enp.title || enp.papername).toBeTruthy();
  });
});
