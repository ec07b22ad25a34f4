"""The search index, rebuilt in bulk once everything is written.

Every document is built by its app's registered declaration (search.registry), and the rows
go in through the database backend's `rebuild` (one transaction, batched inserts, the FTS
index optimised at the end). Pages the standard way, `indexable_objects`, read each page with
its relations and ask the database whether it sits behind a privacy restriction, about 5 ms a
page: too slow for 100,000 artefacts. The artefacts written here are instead built from their
rows read in bulk, with their relations attached in memory (no query per page), and checked
against the restrictions read once. Anything else (the demo pages, networks, visit offers)
takes the standard way. `search_index --check` agrees with the result (the test checks it).
"""

from collections import defaultdict
from collections.abc import Iterator

from taggit.models import Tag

from wagtail.models import PageViewRestriction
from wagtail.search.backends import get_search_backends

from artefacts.models import ArtefactPage, ArtefactTag, Phase, Subject
from core.schools.models import School
from networks.models import NetworkPage, Theme
from search import registry
from search.backends import database_backend, elasticsearch_backend, elasticsearch_configured
from search.documents import build_document, indexable_count
from search.models import SearchDocument
from search.services import REBUILD_LOCK, acquire_lock, document_from_row, release_lock

CHUNK = 1_000


def rebuild_search_index(first_bulk_id: int | None, progress_factory) -> int:
    """Replace the search index with every findable document. Returns how many it holds."""
    lock = acquire_lock(REBUILD_LOCK)
    try:
        total = indexable_count()
        database_backend().rebuild(
            _documents(first_bulk_id), total=total, progress=progress_factory("database", total)
        )
        if elasticsearch_configured():
            rows = SearchDocument.objects.select_related("text").order_by("pk")
            count = rows.count()
            elasticsearch_backend().rebuild(
                (document_from_row(row) for row in rows.iterator(chunk_size=500)),
                total=count,
                progress=progress_factory("elasticsearch", count),
            )
        return SearchDocument.objects.count()
    finally:
        release_lock(lock)


def fill_admin_search_index(first_bulk_id: int | None, progress_factory) -> int:
    """Wagtail's own search index (the admin's page search and the page choosers) for the pages
    written in bulk, which no signal indexed: every network and the artefacts from
    `first_bulk_id` on, in chunks, into every backend Wagtail keeps up to date. Returns how
    many pages went in."""
    querysets = [NetworkPage.objects.order_by("pk")]
    if first_bulk_id is not None:
        querysets.append(ArtefactPage.objects.filter(pk__gte=first_bulk_id).order_by("pk"))
    total = sum(queryset.count() for queryset in querysets)
    bar = progress_factory("admin search", total)
    backends = list(get_search_backends(with_auto_update=True))
    for queryset in querysets:
        model = queryset.model
        chunk = []
        for page in queryset.iterator(chunk_size=CHUNK):
            chunk.append(page)
            if len(chunk) == CHUNK:
                _add_to_admin_index(backends, model, chunk)
                bar(len(chunk))
                chunk = []
        _add_to_admin_index(backends, model, chunk)
        bar(len(chunk))
    return total


def _add_to_admin_index(backends, model, pages) -> None:
    if pages:
        for backend in backends:
            backend.get_index_for_model(model).add_items(model, pages)


def _documents(first_bulk_id: int | None) -> Iterator:
    """Every findable document; artefacts from `first_bulk_id` on are the ones written here."""
    for document in registry.registered():
        queryset = document.get_queryset()
        if document.model is ArtefactPage and first_bulk_id is not None:
            queryset = queryset.filter(pk__lt=first_bulk_id)
        for obj in queryset.iterator(chunk_size=200):
            built = build_document(obj)
            if built is not None:
                yield built
    if first_bulk_id is not None:
        yield from _bulk_artefacts(first_bulk_id)


def _bulk_artefacts(first_bulk_id: int) -> Iterator:
    document = registry.document_for_model(ArtefactPage)
    if document is None:
        return
    restricted = tuple(PageViewRestriction.objects.values_list("page__path", flat=True))
    networks = {network.pk: network for network in NetworkPage.objects.all()}
    relations = _relations(first_bulk_id)
    tags = {tag.pk: tag for tag in Tag.objects.all()}
    tags_of = defaultdict(list)
    tagged = ArtefactTag.objects.filter(content_object_id__gte=first_bulk_id).order_by("pk")
    for page_id, tag_id in tagged.values_list("content_object_id", "tag_id"):
        tags_of[page_id].append(tags[tag_id])
    pages = ArtefactPage.objects.filter(pk__gte=first_bulk_id).order_by("pk")
    for page in pages.iterator(chunk_size=CHUNK):
        if not page.live or (restricted and page.path.startswith(restricted)):
            continue
        page.network = networks[page.network_id]
        for name, (objects, by_page) in relations.items():
            setattr(page, name, [objects[pk] for pk in by_page.get(page.pk, ())])
        page.tagged_items = [ArtefactTag(tag=tag) for tag in tags_of.get(page.pk, ())]
        built = document.build(page)
        if built is not None:
            yield built


def _relations(first_bulk_id: int) -> dict[str, tuple[dict, dict]]:
    """For each many-to-many relation a document reads: (objects by id, ids by page)."""
    relations = {}
    for name, model in (("themes", Theme), ("phases", Phase), ("subjects", Subject),
                        ("schools", School)):  # fmt: skip
        through = ArtefactPage._meta.get_field(name).remote_field.through
        target = f"{model._meta.model_name}_id"
        by_page = defaultdict(list)
        rows = through.objects.filter(artefactpage_id__gte=first_bulk_id).order_by("pk")
        for page_id, target_id in rows.values_list("artefactpage_id", target):
            by_page[page_id].append(target_id)
        relations[name] = ({obj.pk: obj for obj in model.objects.all()}, by_page)
    return relations
