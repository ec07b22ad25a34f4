"""Plain text in the site's form, sanitised rich text in the page.

Teachers write in plain text areas: blank lines separate paragraphs, lines starting with "- "
make a bulleted list and lines starting with "1. " a numbered one; web addresses become links.
`plain_to_rich_text` escapes everything else, so the stored HTML only ever holds p, br, ul, ol,
li and a (with an http(s) href) elements: the same whitelist Wagtail's editor enforces.
`rich_text_to_plain` turns stored rich text back into that plain form, for editing and for
comparing revisions.
"""

import re
from html import escape
from html.parser import HTMLParser

URL = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)
BULLET = re.compile(r"^\s*[-*•]\s+(.*)$")
NUMBERED = re.compile(r"^\s*\d{1,3}[.)]\s+(.*)$")
TRAILING_PUNCTUATION = ".,;:!?)"


def _inline(text: str) -> str:
    """Escape a line of text, turning web addresses into links."""
    parts = []
    position = 0
    for match in URL.finditer(text):
        url = match.group(0)
        trimmed = url.rstrip(TRAILING_PUNCTUATION)
        end = match.start() + len(trimmed)
        parts.append(escape(text[position : match.start()]))
        parts.append(f'<a href="{escape(trimmed)}">{escape(trimmed)}</a>')
        position = end
    parts.append(escape(text[position:]))
    return "".join(parts)


def _block_to_html(lines: list[str]) -> str:
    """One block of lines (no blank lines inside): paragraphs and lists, in order."""
    html: list[str] = []
    paragraph: list[str] = []
    list_tag, items = None, []
    for line in [*lines, None]:
        bullet = BULLET.match(line) if line is not None else None
        numbered = NUMBERED.match(line) if line is not None else None
        tag = "ul" if bullet else "ol" if numbered else None
        if list_tag and tag != list_tag:
            html.append(
                f"<{list_tag}>"
                + "".join(f"<li>{_inline(i)}</li>" for i in items)
                + f"</{list_tag}>"
            )
            list_tag, items = None, []
        if paragraph and (tag or line is None):
            html.append("<p>" + "<br/>".join(_inline(p.strip()) for p in paragraph) + "</p>")
            paragraph = []
        if tag:
            list_tag = tag
            items.append((bullet or numbered).group(1).strip())
        elif line is not None:
            paragraph.append(line)
    return "".join(html)


def plain_to_rich_text(text: str) -> str:
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        return ""
    return "".join(
        _block_to_html([line.rstrip() for line in block.split("\n") if line.strip()])
        for block in re.split(r"\n\s*\n", text)
    )


class _PlainTextParser(HTMLParser):
    BLOCKS = {"p", "h2", "h3", "h4", "h5", "h6", "blockquote", "div"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.lists: list[list] = []  # [tag, counter]
        self.link: str | None = None
        self.link_text: list[str] = []
        self.list_items: set[int] = set()  # indexes of blocks that are list items

    def _flush(self):
        text = "".join(self.current).strip()
        if text:
            self.blocks.append(text)
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag in self.BLOCKS:
            self._flush()
        elif tag in ("ul", "ol"):
            self._flush()
            self.lists.append([tag, 0])
        elif tag == "li":
            self._flush()
            if self.lists:
                self.lists[-1][1] += 1
                kind, number = self.lists[-1]
                self.current.append("- " if kind == "ul" else f"{number}. ")
        elif tag == "br":
            self.current.append("\n")
        elif tag == "a":
            self.link = dict(attrs).get("href") or ""
            self.link_text = []

    def handle_endtag(self, tag):
        if tag in self.BLOCKS:
            self._flush()
        elif tag == "li":
            text = "".join(self.current).strip()
            if text:
                self.blocks.append(text)
                self.list_items.add(len(self.blocks) - 1)
            self.current = []
        elif tag in ("ul", "ol"):
            if self.lists:
                self.lists.pop()
        elif tag == "a" and self.link is not None:
            text = "".join(self.link_text)
            if (
                self.link
                and self.link not in text
                and self.link.startswith(("http://", "https://"))
            ):
                self.current.append(f" ({self.link})")
            self.link = None

    def handle_data(self, data):
        self.current.append(data)
        if self.link is not None:
            self.link_text.append(data)

    def result(self) -> str:
        self._flush()
        # Consecutive list items sit on consecutive lines; everything else is a paragraph.
        out = []
        for index, block in enumerate(self.blocks):
            if index and index in self.list_items and index - 1 in self.list_items:
                out.append("\n")
            elif index:
                out.append("\n\n")
            out.append(block)
        return "".join(out)


def rich_text_to_plain(html: str) -> str:
    parser = _PlainTextParser()
    parser.feed(html or "")
    parser.close()
    return parser.result()
