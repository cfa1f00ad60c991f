import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../lib/extract';
import { blocksFromElement } from '../../../lib/extract/dom-blocks';

const read = (html: string) => blocksFromElement(parseHtml(`<html><body><div id="r">${html}</div></body></html>`).querySelector('#r')!);
const texts = (html: string) => read(html).map((b) => b.text);

describe('DOM → blocks', () => {
  it('one block per paragraph element', () => {
    expect(texts('<p>甲段。</p><p>乙段。</p><div>丙段。</div>')).toEqual(['甲段。', '乙段。', '丙段。']);
  });

  it('<br><br> and <br> + ideographic indent split paragraphs; a lone <br> is a line break for lib/segment', () => {
    expect(texts('　　甲段。<br>　　乙段。<br><br>丙段。')).toEqual(['甲段。', '乙段。', '丙段。']);
    expect(texts('□本报记者 甲<BR>&nbsp;实习生 乙')).toEqual(['□本报记者 甲\n实习生 乙']);
    expect(texts('甲段。<br>\n      乙段。')).toEqual(['甲段。\n乙段。']);
    expect(texts('甲<br> <br>乙')).toEqual(['甲\n乙']);
  });

  it('whitespace, NBSP and indents are collapsed and trimmed', () => {
    expect(texts('<p>&nbsp; 　本报讯&nbsp;&nbsp;记者\n  甲 </p>')).toEqual(['本报讯 记者 甲']);
  });

  it('scripts, styles, forms, maps and hidden boxes are not text', () => {
    expect(texts('<p>正文。</p><script>document.write("x")</script><style>p{}</style><input value="v"><select><option>选项</option></select><map><area alt="热区"></map><div style="display:none">隐藏</div><div hidden>也隐藏</div>')).toEqual(['正文。']);
  });

  it('a short all-bold paragraph is a subhead; bold sentences and credits are not', () => {
    expect(read('<p><strong>配套设施同步到位</strong></p><p><b>领导、嘉宾观看画展。</b></p><p><strong>（布琳摄）</strong></p><p>正文<strong>加粗</strong>。</p><h2>二级标题</h2>')).toEqual([
      { text: '配套设施同步到位', hint: 'heading' },
      { text: '领导、嘉宾观看画展。', hint: 'text' },
      { text: '（布琳摄）', hint: 'text' },
      { text: '正文加粗。', hint: 'text' },
      { text: '二级标题', hint: 'heading' },
    ]);
  });

  it('caption elements keep the caption hint, also inside a body', () => {
    const root = parseHtml('<html><body><div id="r"><p>正文一。</p><table class="pci_c"><tr><td><img src="a.jpg"></td></tr><tr><td>图为现场。 某某 摄</td></tr></table><p>正文二。</p></div></body></html>').querySelector('#r')!;
    const blocks = blocksFromElement(root, { roleOf: (el) => (el.classList.contains('pci_c') ? 'caption' : undefined) });
    expect(blocks).toEqual([
      { text: '正文一。', hint: 'text' },
      { text: '图为现场。 某某 摄', hint: 'caption' },
      { text: '正文二。', hint: 'text' },
    ]);
  });

  it('nested <html>/<body> inside founder-content (the PC template) are read through', () => {
    const doc = parseHtml('<html><body><div id="r"><founder-content><!--enpcontent--><html><head></head><body><p>甲。</p><p>乙。</p></body></html><!--/enpcontent--></founder-content></div></body></html>');
    expect(blocksFromElement(doc.querySelector('#r')!).map((b) => b.text)).toEqual(['甲。', '乙。']);
  });
});
