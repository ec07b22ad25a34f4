"""Cross-network search: an engine that knows no content app (issue 5, issue 10 item 3).

How it fits together:

- `registry`: each content app declares, next to its models, how its pages become documents (a
  `PageDocument`: fields, facets, visibility and network, its live pages, what re-indexes it)
  and registers it from its `AppConfig.ready()`. `documents.build_document(page)` asks the
  registry; attached PDF/Word text is extracted and cached by `extraction`.
- `audience`: the reader's `Audience`, stated by the one function the app owning the visibility
  rule registers; every backend applies it inside its queries.
- `backends/`: one interface (`base.SearchBackend`: index, delete, search, suggest,
  indexed_versions). `database.DatabaseBackend` (SQLite FTS5 or PostgreSQL full-text search)
  is always maintained and is the fallback; `elasticsearch.ElasticsearchBackend`
  (elasticsearch-dsl) is used when ELASTICSEARCH_URL is set, loaded from the database rows.
- `query`: the query language and the facets; `signals` enqueue `tasks` after commit;
  `services` do the writes; `selectors.search_for` answers a search (falling back to the
  database with a notice when Elasticsearch is down).
- `/search/` (`views`), `/api/v1/search/` and `/api/v1/search/suggest/` (`api`), the schema at
  `/api/v1/schema/`; synonyms and analytics in the Wagtail admin (`wagtail_hooks`).
- `manage.py search_index --rebuild | --check | --fix`.

Imports only `core`, Django, Wagtail and libraries.
"""
