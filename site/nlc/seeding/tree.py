"""Wagtail pages written in bulk under an existing parent.

A page is a row in wagtailcore_page (the tree: treebeard's materialised `path`, `depth`,
`numchild`, and Wagtail's `url_path`), a row in its specific model's table, and, so that editing
and moderation find a published version, a live revision. Wagtail's API writes one page at a
time (`add_child` locks and re-reads the parent); here the children's paths are computed with
treebeard's own `_get_path`, continuing after the parent's last child, and the parent's
`numchild` is raised once.
"""

import uuid
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import models

from wagtail.models import Locale, Page, Revision

from .rows import Inserter, next_id

PAGE_FIELDS = [
    "id",
    "path",
    "depth",
    "numchild",
    "translation_key",
    "locale",
    "latest_revision",
    "live",
    "has_unpublished_changes",
    "first_published_at",
    "last_published_at",
    "live_revision",
    "expired",
    "locked",
    "title",
    "draft_title",
    "slug",
    "content_type",
    "url_path",
    "owner",
    "latest_revision_created_at",
    "show_in_menus",
    "seo_title",
    "search_description",
]
REVISION_FIELDS = [
    "id",
    "content_type",
    "base_content_type",
    "object_id",
    "created_at",
    "user",
    "object_str",
    "content",
]


class PageWriter:
    """Published pages of one specific model, written beneath parents that already exist.

    `add(parent, ...)` returns the new page's id at once; `fields` are the specific model's own
    fields by name (a foreign key's value is the id), `relations` the many-to-many ids the
    revision records beside them.
    """

    def __init__(self, model: type[Page], specific_fields: Iterable[str]):
        self.model = model
        self.specific_fields = list(specific_fields)
        self.content_type_id = ContentType.objects.get_for_model(model).pk
        self.base_content_type_id = ContentType.objects.get_for_model(Page).pk
        self.locale_id = Locale.get_default().pk
        self.pages = Inserter(Page, PAGE_FIELDS)
        self.specific = Inserter(model, ["page_ptr", *self.specific_fields])
        self.revisions = Inserter(Revision, REVISION_FIELDS)
        self.next_page_id = next_id(Page)
        self.next_revision_id = next_id(Revision)
        self.next_step: dict[int, int] = {}  # parent id -> the step of its next child
        self.added: dict[int, int] = {}  # parent id -> children added
        self.parents: dict[int, Page] = {}

    def _step(self, parent: Page) -> int:
        if parent.pk not in self.next_step:
            last = parent.get_last_child()
            self.next_step[parent.pk] = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
            self.parents[parent.pk] = parent
        step = self.next_step[parent.pk]
        self.next_step[parent.pk] = step + 1
        self.added[parent.pk] = self.added.get(parent.pk, 0) + 1
        return step

    def add(
        self,
        parent: Page,
        *,
        title: str,
        slug: str,
        owner_id: int | None,
        published_at,
        fields: dict,
        relations: dict | None = None,
    ) -> int:
        page_id = self.next_page_id
        revision_id = self.next_revision_id
        self.next_page_id += 1
        self.next_revision_id += 1
        depth = parent.depth + 1
        path = Page._get_path(parent.path, depth, self._step(parent))
        url_path = f"{parent.url_path}{slug}/"
        translation_key = uuid.uuid4()
        self.pages.add(
            page_id,
            path,
            depth,
            0,
            translation_key,
            self.locale_id,
            revision_id,
            True,
            False,
            published_at,
            published_at,
            revision_id,
            False,
            False,
            title,
            title,
            slug,
            self.content_type_id,
            url_path,
            owner_id,
            published_at,
            False,
            "",
            "",
        )
        self.specific.add(page_id, *(fields[name] for name in self.specific_fields))
        content = {
            "pk": page_id,
            "path": path,
            "depth": depth,
            "numchild": 0,
            "translation_key": translation_key,
            "locale": self.locale_id,
            "live": True,
            "has_unpublished_changes": False,
            "first_published_at": published_at,
            "last_published_at": published_at,
            "title": title,
            "draft_title": title,
            "slug": slug,
            "content_type": self.content_type_id,
            "url_path": url_path,
            "owner": owner_id,
            "show_in_menus": False,
            "seo_title": "",
            "search_description": "",
            **fields,
            **(relations or {}),
        }
        self.revisions.add(
            revision_id,
            self.content_type_id,
            self.base_content_type_id,
            str(page_id),
            published_at,
            owner_id,
            title,
            content,
        )
        return page_id

    def finish(self) -> int:
        """Write what is left and raise each parent's `numchild`. Returns the pages written."""
        self.pages.flush()
        self.specific.flush()
        self.revisions.flush()
        for parent_id, count in self.added.items():
            Page.objects.filter(pk=parent_id).update(numchild=models.F("numchild") + count)
            self.parents[parent_id].numchild += count
        self.added.clear()
        return self.pages.written
