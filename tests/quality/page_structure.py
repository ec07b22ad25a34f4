"""Reading a rendered page's structure with Python's html.parser: the ids it defines, the links
of its contents list and its table regions."""

from html.parser import HTMLParser


class PageStructure(HTMLParser):
    def __init__(self, html: str):
        super().__init__()
        self.ids: set[str] = set()
        self.contents_links: list[str] = []
        self.tables = 0
        self.tables_in_regions = 0
        self.regions: list[dict] = []
        self._open_divs: list[bool] = []  # for each open div: is it a table region?
        self._in_contents = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        classes = (attributes.get("class") or "").split()
        if tag == "nav" and "contents-list" in classes:
            self._in_contents = True
        elif tag == "a" and self._in_contents:
            self.contents_links.append(attributes.get("href", ""))
        elif tag == "div":
            is_region = "table-scroll" in classes
            self._open_divs.append(is_region)
            if is_region:
                self.regions.append(attributes)
        elif tag == "table":
            self.tables += 1
            self.tables_in_regions += any(self._open_divs)

    def handle_endtag(self, tag):
        if tag == "nav":
            self._in_contents = False
        elif tag == "div" and self._open_divs:
            self._open_divs.pop()
