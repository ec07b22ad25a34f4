"""What search stores: the searchable documents, synonyms, the vocabulary and query analytics.

`SearchDocument` (facets, permissions, what a result shows) and `SearchText` (the words) are the
database backend's index and the source every other backend is loaded from: one pair of rows
per findable page (or object) of a registered type (see search.registry). The full-text index over
`SearchText` is created by migration 0002 and kept in step by the database itself (SQLite FTS5
triggers, or a generated tsvector column on PostgreSQL), so a row written here is searchable in the same transaction.
"""

import re
import uuid

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models

from wagtail.documents import get_document_model_string

from core.visibility import Visibility

from .query import FACETS

# The most text the index keeps of each field (search.text.make_document cuts each there), and of
# one uploaded document (search.extraction cuts it there).
MAX_TITLE_CHARACTERS = 255
MAX_BODY_CHARACTERS = 200_000
MAX_ATTACHMENT_CHARACTERS = 300_000
DOCUMENT_TEXT_MAX_LENGTH = 300_000


class SearchDocument(models.Model):
    """One searchable page, as the index sees it: what filters, facets, sorting and result
    lists read. Deliberately narrow (no long text), so that joining thousands of matches to it
    stays cheap; the text lives in `SearchText`."""

    # The document's key: a page's id, or for an object that is not a page (a study-visit offer)
    # minus the id of its `SearchObject` row, so the two never collide (see search.keys).
    page_id = models.IntegerField(unique=True)
    # The registered document's kind (search.registry): "artefact", "network", ...
    kind = models.CharField(max_length=20)
    title = models.CharField(max_length=255)
    url = models.CharField(max_length=500)
    # Facets. Multi-valued facets are JSON lists of strings.
    type = models.CharField(max_length=40)
    themes = models.JSONField(default=list, blank=True)
    phases = models.JSONField(default=list, blank=True)
    regions = models.JSONField(default=list, blank=True)
    network_id = models.PositiveIntegerField(null=True, blank=True)
    network_title = models.CharField(max_length=255, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    evidence_strength = models.PositiveSmallIntegerField(null=True, blank=True)
    # Who may find it (see search.audience).
    visibility = models.CharField(
        max_length=20, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    published_at = models.DateTimeField(null=True, blank=True)
    content_hash = models.CharField(max_length=40)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [
            models.Index(fields=["visibility", "network_id"], name="search_doc_visibility"),
            models.Index(fields=["-published_at"], name="search_doc_newest"),
        ]

    def __str__(self):
        return f"{self.kind}: {self.title}"


class SearchText(models.Model):
    """The text of a search document: the full-text index's content table (migration 0002
    creates the index over it and the triggers that keep it in step)."""

    document = models.OneToOneField(
        SearchDocument, on_delete=models.CASCADE, primary_key=True, related_name="text"
    )
    title = models.CharField(max_length=255)
    summary = models.TextField(
        blank=True,
        max_length=MAX_BODY_CHARACTERS,
        validators=[MaxLengthValidator(MAX_BODY_CHARACTERS)],
    )
    body = models.TextField(
        blank=True,
        max_length=MAX_BODY_CHARACTERS,
        validators=[MaxLengthValidator(MAX_BODY_CHARACTERS)],
        help_text="Every section's text.",
    )
    attachments = models.TextField(
        blank=True,
        max_length=MAX_ATTACHMENT_CHARACTERS,
        validators=[MaxLengthValidator(MAX_ATTACHMENT_CHARACTERS)],
        help_text="Text extracted from attached documents.",
    )
    keywords = models.TextField(
        blank=True,
        max_length=MAX_BODY_CHARACTERS,
        validators=[MaxLengthValidator(MAX_BODY_CHARACTERS)],
        help_text="Themes, tags, subjects, schools, network.",
    )

    def __str__(self):
        return f"Text of {self.document_id}"


class SearchFacet(models.Model):
    """One facet value of a search document (one row per value of a multi-valued facet): what
    facet counts and facet filters read, through indexes, instead of the JSON lists on
    `SearchDocument`. Written wherever the document rows are (see `facet_rows`)."""

    document = models.ForeignKey(
        SearchDocument, on_delete=models.CASCADE, related_name="facet_values", db_index=False
    )
    # A facet name of search.query.FACETS: "type", "theme", "network", ...
    facet = models.CharField(max_length=20)
    value = models.CharField(max_length=255)

    class Meta:
        constraints = [
            # Its index (document first) is what counting the facets of a match set reads.
            models.UniqueConstraint(
                fields=["document", "facet", "value"], name="one_facet_value_per_document"
            )
        ]
        # Counting the facets of a broad match set reads this one in order (see
        # DatabaseBackend._count_facets); filters read it by (facet, value).
        indexes = [models.Index(fields=["facet", "value", "document"], name="search_facet_value")]

    def __str__(self):
        return f"{self.facet}={self.value} of {self.document_id}"


def facet_values(document) -> list[tuple[str, str]]:
    """(facet, value) pairs of a document (a `SearchDocument` or an `IndexDocument`)."""
    pairs = []
    for facet in FACETS.values():
        value = getattr(document, facet.field)
        values = value if facet.multi_valued else [value]
        pairs += [(facet.name, str(v)) for v in dict.fromkeys(values) if v not in (None, "")]
    return pairs


def facet_rows(document: SearchDocument) -> list[SearchFacet]:
    """The facet rows of a saved document row, for `bulk_create`."""
    return [
        SearchFacet(document_id=document.pk, facet=facet, value=value)
        for facet, value in facet_values(document)
    ]


class SearchIndexState(models.Model):
    """One row holding a token that changes whenever the database index changes, so that
    results derived from the whole index (the facet counts of browsing without words) can be
    cached and are never served stale, whichever process changed the index. A random token,
    not a counter, so that a rolled-back change can never bring an old token back."""

    version = models.CharField(max_length=32, default="")

    def __str__(self):
        return f"Search index version {self.version}"

    @classmethod
    def bump(cls, using: str = "default") -> None:
        token = uuid.uuid4().hex
        if not cls.objects.using(using).filter(pk=1).update(version=token):
            cls.objects.using(using).update_or_create(pk=1, defaults={"version": token})

    @classmethod
    def current(cls, using: str = "default") -> str:
        return cls.objects.using(using).filter(pk=1).values_list("version", flat=True).first() or ""


class DocumentText(models.Model):
    """Text extracted from an uploaded PDF or Word document, cached per file version.

    Extraction runs in a Celery task; `file_hash` is the Wagtail document's hash at extraction,
    so a replaced file is extracted again.
    """

    document = models.OneToOneField(
        get_document_model_string(), on_delete=models.CASCADE, related_name="extracted_text"
    )
    file_hash = models.CharField(max_length=40, blank=True)
    text = models.TextField(
        blank=True,
        max_length=DOCUMENT_TEXT_MAX_LENGTH,
        validators=[MaxLengthValidator(DOCUMENT_TEXT_MAX_LENGTH)],
    )
    error = models.CharField(max_length=255, blank=True)
    extracted_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"Text of {self.document}"


SYNONYM_TERM = re.compile(r"^[\w][\w '’-]*$")


def parse_synonym_terms(text: str) -> list[str]:
    """'AfL, assessment for learning' -> ['afl', 'assessment for learning'] (deduplicated)."""
    terms = []
    for raw in text.split(","):
        term = " ".join(raw.split()).lower()
        if term and term not in terms:
            terms.append(term)
    return terms


class Synonym(models.Model):
    """A set of equivalent terms that the national broker maintains."""

    terms = models.CharField(
        max_length=500,
        unique=True,
        help_text=(
            "Terms that mean the same thing, separated by commas, for example "
            "“AfL, assessment for learning”. A search for any of them finds all of them."
        ),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["terms"]

    def __str__(self):
        return self.terms

    def clean(self):
        terms = parse_synonym_terms(self.terms)
        if len(terms) < 2:
            raise ValidationError(
                {"terms": "Give at least two terms, separated by commas, that mean the same."}
            )
        invalid = [term for term in terms if not SYNONYM_TERM.match(term)]
        if invalid:
            raise ValidationError(
                {
                    "terms": "Use words, spaces, hyphens and apostrophes only: "
                    + ", ".join(f"“{term}”" for term in invalid)
                }
            )
        self.terms = ", ".join(terms)

    @property
    def term_list(self) -> list[str]:
        return parse_synonym_terms(self.terms)


class SearchTerm(models.Model):
    """The vocabulary of public documents, for "did you mean" suggestions."""

    term = models.CharField(max_length=40, unique=True)
    document_count = models.PositiveIntegerField(default=1)

    def __str__(self):
        return self.term


class SearchQueryLog(models.Model):
    """How often a query was searched in a week, and how many results it had.

    No user, session or address is stored: one row per (week, normalised query, filters),
    counted up with an upsert.
    """

    week = models.DateField(help_text="The Monday of the week.")
    query = models.CharField(max_length=200)
    filters = models.CharField(max_length=500, blank=True)
    searches = models.PositiveIntegerField(default=0)
    zero_result_searches = models.PositiveIntegerField(default=0)
    last_result_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-week", "-searches"]
        constraints = [
            models.UniqueConstraint(
                fields=["week", "query", "filters"], name="one_log_row_per_week_query"
            )
        ]
        indexes = [models.Index(fields=["week", "zero_result_searches"])]

    def __str__(self):
        return f"{self.query} ({self.week})"


class SearchQueryNetwork(models.Model):
    """The networks a logged query was searched from: one row per log row and network, counted
    up with the log. A network, never a person (see `search.searchers`); someone in two
    networks counts once for each, so these rows do not add up to the log's `searches`."""

    # No reverse accessor: the log row itself keeps the fields it always had.
    log = models.ForeignKey(SearchQueryLog, on_delete=models.CASCADE, related_name="+")
    # An id, not a foreign key: search knows no networks.
    network_id = models.PositiveIntegerField(db_index=True)
    searches = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["log", "network_id"], name="one_log_row_per_network")
        ]

    def __str__(self):
        return f"{self.log} from network {self.network_id}"


class SearchObject(models.Model):
    """The search key of an object that is not a Wagtail page: its document's `page_id` is
    minus this row's id, so page ids and object keys share one index without colliding."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="one_search_key_per_object"
            )
        ]

    def __str__(self):
        return f"Search key {-self.pk} for {self.content_type_id}:{self.object_id}"


class PendingIndexUpdate(models.Model):
    """An Elasticsearch update that has not succeeded yet; retried until it does."""

    page_id = models.IntegerField(unique=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"Pending index update for page {self.page_id}"


class IndexLock(models.Model):
    """A row held while `search_index --rebuild` runs, so that a second one refuses to start."""

    name = models.CharField(max_length=50, unique=True)
    holder = models.CharField(max_length=200)
    acquired_at = models.DateTimeField()

    def __str__(self):
        return f"{self.name} held by {self.holder}"
