"""Benchmark: ranking quality on long real documents, ours against plain BM25 over the same text.

    .venv/bin/python bench/bench_ranking.py [--keep] [--show-misses]

Loads the documents of `bench/data/ranking_set.json` (essays of *The Collaborative State*, GNU
manuals and licence texts, all read from this machine's disk, each cut at 20,000 words) as
public artefact documents through the database backend (`DatabaseBackend.index`), then asks
each of the set's natural queries twice:

- ours: `DatabaseBackend.search`, the request path (field-weighted bm25, synonyms, audience);
- plain BM25: an FTS5 table with one column holding the same text (title, summary, body,
  keywords and attachments run together), the same tokenizer and the same match expression,
  ranked by bm25() without weights.

It prints how often the first result is the known right answer (precision at 1) and the mean
reciprocal rank of the right answer within the first 10, for both, and exits with status 1
when ours is right less often than plain BM25.
"""

import argparse
import gzip
import json
import re
import shutil
import sys
import tempfile
from pathlib import Path

from harness import ROOT, configure_django, say

SET = ROOT / "bench" / "data" / "ranking_set.json"
BOOK = Path("/work/shared/seeds/000_927f3482581a4f8e.txt")
INFO = Path("/usr/share/info")
LICENCES = Path("/usr/share/common-licenses")
MAX_WORDS = 20_000
SUMMARY_WORDS = 60
DEPTH = 10


def book_sections() -> dict[str, str]:
    """Heading -> text of each top-level section ("# ...") of the book."""
    text = BOOK.read_text(encoding="utf-8")
    sections = {}
    for part in re.split(r"\n# ", text)[1:]:
        heading, _, body = part.partition("\n")
        sections[heading.strip().strip("*")] = body
    return sections


def info_text(name: str) -> str:
    """A GNU manual from its Top node on, without the info file's node separators."""
    with gzip.open(INFO / name, "rt", encoding="utf-8", errors="replace") as handle:
        text = handle.read()
    start = text.find("Node: Top")
    text = text[start:] if start >= 0 else text
    return re.sub(r"\x1f\n?File: [^\n]*\n", "\n", text)


def load_texts(documents: list[dict]) -> dict[str, str]:
    sections = book_sections() if BOOK.exists() else {}
    texts = {}
    for document in documents:
        if document["source"] == "book":
            text = sections.get(document["heading"])
        elif document["source"] == "info":
            path = INFO / document["file"]
            text = info_text(document["file"]) if path.exists() else None
        else:
            path = LICENCES / document["file"]
            text = path.read_text(encoding="utf-8") if path.exists() else None
        if text:
            texts[document["key"]] = " ".join(text.split()[:MAX_WORDS])
    return texts


def index_documents(documents: list[dict], texts: dict[str, str]) -> dict[str, int]:
    from django.db import connection

    from search.backends.database import DatabaseBackend
    from search.text import make_document

    keys = {}
    indexed = []
    for number, document in enumerate(documents, start=1):
        text = texts.get(document["key"])
        if text is None:
            continue
        words = text.split()
        keys[document["key"]] = number
        indexed.append(
            make_document(
                page_id=number,
                kind="artefact",
                title=document["title"],
                summary=" ".join(words[:SUMMARY_WORDS]),
                body=" ".join(words[SUMMARY_WORDS:]),
                attachments="",
                keywords="",
                url=f"/ranking/{document['key']}/",
                type="enquiry_report",
                themes=(),
                phases=(),
                regions=(),
                network_id=None,
                network_title="",
                year=2007,
                evidence_strength=None,
                visibility="public",
                published_at=None,
            )
        )
    DatabaseBackend().index(indexed)
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE VIRTUAL TABLE plain_fts USING fts5(text, "
            "tokenize='porter unicode61 remove_diacritics 2')"
        )
        cursor.executemany(
            "INSERT INTO plain_fts(rowid, text) VALUES (%s, %s)",
            [
                (
                    document.page_id,
                    " ".join(
                        [
                            document.title,
                            document.summary,
                            document.body,
                            document.keywords,
                            document.attachments,
                        ]
                    ),
                )
                for document in indexed
            ],
        )
    return keys


def ranks(query: str) -> tuple[list[int], list[int]]:
    """(ours, plain BM25): the first DEPTH page ids for the query."""
    from django.db import connection

    from search.backends.base import PUBLIC
    from search.backends.database import DatabaseBackend
    from search.backends.sql import SQLiteDialect
    from search.query import SearchQuery

    backend = DatabaseBackend()
    ours = [hit.page_id for hit in backend.search(SearchQuery(text=query), PUBLIC).hits]
    parsed = backend.parse(query)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rowid FROM plain_fts WHERE plain_fts MATCH %s ORDER BY bm25(plain_fts) "
            "LIMIT %s",
            [SQLiteDialect.fts_query(parsed), DEPTH],
        )
        plain = [row[0] for row in cursor.fetchall()]
    return ours[:DEPTH], plain


def reciprocal_rank(ids: list[int], right: int) -> float:
    return 1 / (ids.index(right) + 1) if right in ids else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", action="store_true", help="Keep the temporary data folder.")
    parser.add_argument("--show-misses", action="store_true", help="List every query missed.")
    args = parser.parse_args()
    ranking_set = json.loads(SET.read_text(encoding="utf-8"))

    data_dir = Path(tempfile.mkdtemp(prefix="nlc-bench-ranking-"))
    try:
        configure_django(data_dir)
        from django.core.management import call_command

        say(f"Migrating a fresh database in {data_dir} …")
        call_command("migrate", verbosity=0)
        texts = load_texts(ranking_set["documents"])
        missing = [d["key"] for d in ranking_set["documents"] if d["key"] not in texts]
        keys = index_documents(ranking_set["documents"], texts)
        lengths = sorted(len(text.split()) for text in texts.values())
        say(
            f"Indexed {len(keys)} documents of {lengths[0]:,} to {lengths[-1]:,} words "
            f"(median {lengths[len(lengths) // 2]:,})"
            + (f"; not on this machine: {', '.join(missing)}" if missing else "")
        )

        queries = [(q, keys[key]) for q, key in ranking_set["queries"] if key in keys]
        names = {number: key for key, number in keys.items()}
        scores = {"ours": [0, 0.0], "plain BM25": [0, 0.0]}
        for query, right in queries:
            ours, plain = ranks(query)
            for name, ids in (("ours", ours), ("plain BM25", plain)):
                scores[name][0] += bool(ids) and ids[0] == right
                scores[name][1] += reciprocal_rank(ids, right)
            if args.show_misses and (
                not ours or ours[0] != right or not plain or plain[0] != right
            ):
                say(
                    f"  {query!r} -> {names[right]}: ours {[names[i] for i in ours[:3]]}, "
                    f"plain {[names[i] for i in plain[:3]]}"
                )
        say(f"\n{len(queries)} queries with a known right answer")
        say(f"{'ranking':<12} {'first right':>12} {'P@1':>6} {'MRR@10':>7}")
        for name, (right_first, reciprocal) in scores.items():
            say(
                f"{name:<12} {right_first:>12} {right_first / len(queries):>6.2f} "
                f"{reciprocal / len(queries):>7.3f}"
            )
        ok = scores["ours"][0] >= scores["plain BM25"][0]
        say("Goal met (ours first-right at least as often)." if ok else "Goal MISSED.")
        return 0 if ok else 1
    finally:
        if args.keep:
            say(f"Kept {data_dir}")
        else:
            shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
