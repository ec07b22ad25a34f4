"""Cross-network search over artefacts and networks (issue 5).

How it fits together:

- `documents.build_document(page)` turns a live artefact or network page into an
  `IndexDocument` (every section, attached PDF/Word text cached in `DocumentText`, facets,
  visibility and network).
- `backends/`: one interface (`base.SearchBackend`: index, delete, search, suggest,
  indexed_versions). `database.DatabaseBackend` (SQLite FTS5 or PostgreSQL full-text search)
  is always maintained and is the fallback; `elasticsearch.ElasticsearchBackend`
  (elasticsearch-dsl) is used when ELASTICSEARCH_URL is set, loaded from the database rows.
- `permissions.audience_for(user)` states who may see what (asking
  artefacts.permissions.visibility_allows); every backend applies it inside its queries.
- `signals` enqueue `tasks` after commit; `services` do the writes; `selectors.search_for`
  answers a search (falling back to the database with a notice when Elasticsearch is down).
- `/search/` (`views`), `/api/v1/search/` and `/api/v1/search/suggest/` (`api`), the schema at
  `/api/v1/schema/`; synonyms and analytics in the Wagtail admin (`wagtail_hooks`).
- `manage.py search_index --rebuild | --check | --fix`.
"""
