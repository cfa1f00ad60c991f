// Builds seeds/demo_content_1.htm: the seed page's text (seeds/000_eb3ad0464bd81ecb.txt, every
// block in order, unchanged) inside our own HTML shaped like a Founder-classic (方正) e-paper
// article page: nav tables, 第03版 header, date line, #ozoom > founder-content > <P>, and the
// trailing <!--enpproperty--> metadata comment. The paper name is the seed's; date and page are
// the demo's own choice (the seed text carries none). Run: node tests/tools/make-demo.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const seed = readFileSync('seeds/000_eb3ad0464bd81ecb.txt', 'utf8');
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const blocks = seed.replace(/\r/g, '').split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);
const paras = blocks.map((b) => `<P>　　${b.split('\n').map(esc).join('<br>')}</P>`).join('\n');

const html = `<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>江苏工人报数字报-第03版:基层</title>
<style type="text/css">
body { background-color: #F7FAFF; font-size: 12px; margin: 0; }
.content p { TEXT-INDENT: 28px; font-size: 14px; line-height: 22px; }
.font01 { font-size: 22px; font-weight: bold; color: #0A3A7A; }
.font02 { font-size: 14px; color: #827E7B; }
.nav a { margin: 0 6px; }
</style>
</head>
<body>
<table cellspacing=0 cellpadding=0 width=1002 height=80 align=center border=0 bgcolor="#B52008">
<tr><td style="color:#fff;font-size:32px;font-weight:bold;padding-left:24px">江苏工人报 <span style="font-size:14px">数字报</span></td></tr>
</table>
<table cellspacing=0 cellpadding=0 width=1002 align=center border=0>
<tr>
<td valign=top width=354>
  <table width=350 border=0><tr><td>
    <MAP NAME="pagepicmap">
      <Area coords="9,20,341,180" shape="rect" href="./content_1.htm">
    </MAP>
    <div style="width:340px;height:480px;background:#ddd;color:#777;text-align:center;line-height:480px">版面图</div>
  </td></tr></table>
  <table width=350 border=0 cellpadding=5><tr>
    <td>第03版：<STRONG>基层</STRONG></td>
    <td align=right><a class=preart href="node_2.htm">上一版</a> <a class=preart href="node_4.htm">下一版</a></td>
    <td><a href="../../../page/1/2023-09/14/03/2023091403_pdf.pdf">PDF</a></td>
  </tr></table>
</td>
<td valign=top>
  <table width=609 border=0><tr><td class="nav">
    <a href="../../../html/2023-09/14/node_1.htm">首页</a>|<a href="#">往期回顾</a>|<a href="#">版面导航</a>
  </td></tr>
  <tr><td><span class="default"><strong>2023年9月14日</strong> <strong>星期四</strong></span></td></tr>
  </table>
  <table width=588 border=0 cellpadding=0 cellspacing=0>
  <tr><td>
  <!----------文章部分开始---------->
  <table cellspacing=0 cellpadding=5 width=100% border=0><tbody>
    <tr valign=top><td class="font02" align=center></td></tr>
    <tr valign=top><td class="font01" align=center></td></tr>
    <tr valign=top><td class="font02" align=center></td></tr>
  </tbody></table>
  <DIV id=ozoom style="zoom:100%;" class="content">
  <founder-content>
${paras}
  </founder-content>
  </DIV>
  <!----------文章部分结束---------->
  </td></tr>
  </table>
</td>
</tr>
</table>
<table width=1002 align=center><tr><td align=center style="color:#888">江苏工人报社 版权所有（演示页面，文字取自 seeds/000_eb3ad0464bd81ecb.txt）</td></tr></table>
</body>
</html>
<!--enpproperty <articleid>1</articleid><date>2023-09-14</date><author></author><title></title><keyword></keyword><subtitle></subtitle><introtitle></introtitle><siteid>1</siteid><nodeid>3</nodeid><nodename>基层</nodename><nodesearchname></nodesearchname><picurl></picurl><picbig></picbig><picmiddle></picmiddle><picsmall></picsmall><url>content_1.htm</url><founder-date>2023-09-14</founder-date><founder-papername>江苏工人报</founder-papername><founder-pagenum>03</founder-pagenum><founder-pagename>基层</founder-pagename><founder-title></founder-title>/enpproperty-->
`;
writeFileSync('seeds/demo_content_1.htm', html);
console.log(`seeds/demo_content_1.htm: ${blocks.length} paragraphs`);
