"""Turn a plain report text into a government-style web page, for reader tests.

The page carries the furniture real sites wrap around a report (header and
navigation, breadcrumb, metadata bar, share and print widgets, scripts and
styles, a 相关信息 trailer, 上一篇/下一篇, footer), so that a test can check
the HTML reader returns the report and nothing else.

Styles:
  ``trs``   a TRS WCM page: the article in ``div.TRS_Editor`` inside the editor's
            wrapper divs, paragraphs as styled ``<p><span>``, headings bold;
  ``zoom``  a generic CMS page: ``div.article`` with ``h1``, info bar and the
            text in ``div#zoom``, paragraphs indented with 　　 and wrapped in
            the source like a template engine does;
  ``bare``  no known content container at all (``div.detail-box``), text split by
            ``<br>``: the reader must find the article on its own;
  ``table`` an old table-layout site, no container class either: the article in
            a ``td`` beside a column listing other years' reports.
"""

from __future__ import annotations

import html
import re

STYLES = ("trs", "zoom", "bare", "table")
SITE = "示例市人民政府"

# Lines of related reports in the trailer: a reader that leaks them hands
# identity other years' titles.
RELATED = (
    "示例市2022年度法治政府建设情况报告",
    "示例市司法局2023年度法治政府建设工作报告",
    "示例市人民政府关于2021年度法治政府建设情况的报告",
)
PREVIOUS = "示例市2024年政府信息公开工作年度报告"
NEXT = "关于公开征求《示例市行政执法监督办法(征求意见稿)》意见的公告"

# Strings that appear only in the furniture; none may reach a report's text
# except inside a noise span.
FURNITURE = (
    "网站首页",
    "机构概况",
    "互动交流",
    "您当前的位置",
    "分享到",
    "打印本页",
    "关闭窗口",
    "字体：",
    "阅读：",
    "来源：示例市司法局",
    "作者：法治督察科",
    "欢迎访问",
    "加入收藏",
    "请输入关键字",
    "相关信息",
    *RELATED,
    "上一篇",
    "下一篇",
    PREVIOUS,
    NEXT,
    "版权所有",
    "网站标识码",
    "ICP备",
    "公网安备",
    "主办单位",
    "var ",
    "function",
    "font-size",
    "微信扫一扫",
)

_HANZI = re.compile(r"[\u4e00-\u9fff]")
_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])")


def report_to_html(
    text: str,
    *,
    title: str | None,
    published: str | None,
    encoding: str = "utf-8",
    style: str = "trs",
    pubdate_meta: bool = True,
) -> bytes:
    """A full web page around ``text`` (one paragraph per non-empty line).

    ``published`` ("2025-03-11" or "2025-03-11 15:11:43") goes into the metadata
    bar, and into ``<meta name="PubDate">`` unless ``pubdate_meta`` is false.
    Characters the encoding lacks become numeric references, as CMSs do.
    """
    if style not in STYLES:
        raise ValueError(f"style must be one of {STYLES}")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    article = {"trs": _trs_article, "zoom": _zoom_article, "bare": _bare_article, "table": _table_article}[style]
    page = _PAGE.format(
        charset=encoding,
        head_title=html.escape(f"{title}-{SITE}" if title else SITE),
        metas=_metas(title, published if pubdate_meta else None),
        breadcrumb=_BREADCRUMB,
        article=article(lines, title, published),
    )
    return page.encode(encoding, errors="xmlcharrefreplace")


def _metas(title: str | None, published: str | None) -> str:
    metas = [
        f'<meta name="SiteName" content="{SITE}">',
        '<meta name="SiteDomain" content="www.example.gov.cn">',
        '<meta name="SiteIDCode" content="1234000001">',
        '<meta name="ColumnName" content="法治政府建设">',
        '<meta name="ContentSource" content="示例市司法局">',
    ]
    if title:
        metas.append(f'<meta name="ArticleTitle" content="{html.escape(title)}">')
    if published:
        metas.append(f'<meta name="PubDate" content="{html.escape(published)}">')
    return "\n".join(metas)


def _info_bar(published: str | None, sep: str = "&nbsp;&nbsp;") -> str:
    date = f"<span>发布日期：{html.escape(published)}</span>{sep}" if published else ""
    return (
        f'{date}<span>来源：示例市司法局</span>{sep}<span>作者：法治督察科</span>{sep}'
        '<span>阅读：<em id="hits">1024</em>次</span>'
        '<span class="font">字体：[<a href="javascript:doZoom(18)">大</a>]'
        '[<a href="javascript:doZoom(16)">中</a>][<a href="javascript:doZoom(14)">小</a>]</span>'
    )


_SHARE = (
    '<div class="bdsharebuttonbox share"><span>分享到：</span>'
    '<a class="bds_weixin" title="分享到微信"></a><a class="bds_tsina" title="分享到新浪微博"></a>'
    '<div class="qrcode" style="display:none">微信扫一扫</div></div>'
    '<div class="tools"><a href="javascript:window.print()">[打印本页]</a>'
    '<a href="javascript:window.close()">[关闭窗口]</a></div>'
)


def _trailer() -> str:
    items = "".join(
        f'<li><a href="/fzzf/{n}.html" target="_blank">{t}</a><span>2024-03-{20 + n}</span></li>'
        for n, t in enumerate(RELATED)
    )
    return (
        f'<div class="xgxx"><div class="xgxx-title">相关信息</div><ul>{items}</ul></div>'
        f'<div class="prev-next"><p>上一篇：<a href="/a/1.html">{PREVIOUS}</a></p>'
        f'<p>下一篇：<a href="/a/3.html">{NEXT}</a></p></div>'
    )


def _trs_article(lines: list[str], title: str | None, published: str | None) -> str:
    paras = []
    for line in lines:
        body = html.escape(line)
        if _HEADING.match(line) and len(line) < 60:
            body = f"<strong>{body}</strong>"
        paras.append(
            '<p style="text-indent: 2em; line-height: 2em; text-align: justify;">'
            f'<span style="font-family: 仿宋_GB2312; font-size: 16pt;">{body}</span></p>'
        )
    title_html = f'<div class="article-title"><h2 id="ivs_title">{html.escape(title)}</h2></div>' if title else ""
    return (
        '<div class="article-box">'
        f"{title_html}"
        f'<div class="article-info">{_info_bar(published)}</div>{_SHARE}'
        '<div class="article-con"><div class="view TRS_UEDITOR trs_paper_default trs_web">'
        f'<div class="TRS_Editor">{"".join(paras)}</div></div></div>'
        f"{_trailer()}</div>"
    )


def _zoom_article(lines: list[str], title: str | None, published: str | None) -> str:
    paras = []
    for line in lines:
        # Templates wrap long lines in the source; a browser joins the pieces
        # without a space between two hanzi, and so must the reader.
        wrapped = "\n        ".join(html.escape(piece) for piece in _wrap(line))
        paras.append(f"<p>\u3000\u3000{wrapped}\n      </p>")
    title_html = f'<h1 class="title">{html.escape(title)}</h1>' if title else ""
    return (
        '<div class="article">'
        f"{title_html}"
        f'<div class="info">{_info_bar(published)}</div>{_SHARE}'
        f'<div id="zoom">\n      {chr(10).join(paras)}\n    </div>'
        f"{_trailer()}</div>"
    )


def _wrap(line: str, width: int = 40) -> list[str]:
    """Cut ``line`` every ``width`` characters or so, only between two hanzi
    (where a browser renders the source line break as nothing)."""
    pieces, start = [], 0
    for i in range(1, len(line)):
        if i - start >= width and _HANZI.match(line[i - 1]) and _HANZI.match(line[i]):
            pieces.append(line[start:i])
            start = i
    pieces.append(line[start:])
    return pieces


def _bare_article(lines: list[str], title: str | None, published: str | None) -> str:
    body = "<br>\n".join("&nbsp;&nbsp;&nbsp;&nbsp;" + html.escape(line) for line in lines)
    title_html = f'<div class="detail-tit">{html.escape(title)}</div>' if title else ""
    return (
        '<div class="detail-box">'
        f"{title_html}"
        f'<div class="detail-date">{_info_bar(published)}</div>{_SHARE}'
        f'<div class="detail-txt">{body}</div>'
        f"{_trailer()}</div>"
    )


def _table_article(lines: list[str], title: str | None, published: str | None) -> str:
    column = "".join(
        f'<tr><td class="list"><a href="/fzzf/{n}.html">·{t}</a></td></tr>' for n, t in enumerate(RELATED)
    )
    paras = "".join(f"<p>\u3000\u3000{html.escape(line)}</p>" for line in lines)
    title_row = f'<tr><td align="center"><font size="5"><b>{html.escape(title)}</b></font></td></tr>' if title else ""
    return (
        '<table width="1000" border="0" cellspacing="0" cellpadding="0"><tr>'
        f'<td width="230" valign="top"><table width="100%"><tr><td class="lm">相关信息</td></tr>{column}</table></td>'
        f'<td valign="top"><table width="100%">{title_row}'
        f'<tr><td align="center" class="info">{_info_bar(published, sep="　")}</td></tr>'
        f'<tr><td>{_SHARE}</td></tr>'
        f'<tr><td class="text14">{paras}</td></tr>'
        '<tr><td align="right">【<a href="javascript:window.print()">打印本页</a>】'
        '【<a href="javascript:window.close()">关闭窗口</a>】</td></tr>'
        f"<tr><td>{_trailer()}</td></tr></table></td></tr></table>"
    )


_BREADCRUMB = (
    '<div class="position">您当前的位置：<a href="/">首页</a> &gt; '
    '<a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/fzzf/">法治政府建设</a></div>'
)

_PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{head_title}</title>
{metas}
<link rel="stylesheet" href="/images/common.css">
<style type="text/css">
body {{ font-size: 14px; color: #333; }}
.article-title h2 {{ font-size: 22px; text-align: center; }}
</style>
<script type="text/javascript">
var _hmt = _hmt || [];
function doZoom(size) {{ document.getElementById("zoom").style.fontSize = size + "px"; }}
</script>
</head>
<body>
<div class="top-bar"><div class="w1200"><span class="welcome">欢迎访问示例市人民政府门户网站！</span>
<a href="javascript:void(0)" onclick="AddFavorite()">加入收藏</a> | <a href="/wza/">无障碍</a> | <a href="/en/">English</a></div></div>
<div class="header"><div class="logo"><h1><a href="/"><img src="/images/logo.png" alt="示例市人民政府"></a></h1></div>
<div class="search"><form action="/search"><input type="text" name="q" value="请输入关键字"><button type="submit">搜索</button></form></div></div>
<div class="nav"><ul>
<li><a href="/">网站首页</a></li><li><a href="/jggk/">机构概况</a></li><li><a href="/zwgk/">政务公开</a></li>
<li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>
<div class="main w1200">
{breadcrumb}
{article}
</div>
<div class="footer"><div class="w1200">
<p>主办单位：示例市人民政府办公室&nbsp;&nbsp;承办单位：示例市大数据中心</p>
<p>版权所有：示例市人民政府&nbsp;&nbsp;网站标识码：1234000001&nbsp;&nbsp;<a href="https://beian.miit.gov.cn">示ICP备12345678号</a></p>
<p><img src="/images/ga.png" alt="">示公网安备 12345602000123号</p>
</div></div>
<script type="text/javascript">
var hits = document.getElementById("hits"); if (hits) {{ hits.innerHTML = "1025"; }}
</script>
</body>
</html>
"""
