"""Learning artefacts: what networks write up, moderate, publish and share.

Public API for other apps:

* models: `ArtefactPage` (a Wagtail page under a `networks.NetworkPage`, with `network`,
  `visibility`, `adapted_from` and `what_we_changed`), `ArtefactContributor`, `ArtefactFile`
  (which artefact an uploaded document or image belongs to), `ArtefactModeration`,
  `ArtefactTrial` (“we tried this”: one per person per artefact; `.objects.shown()` leaves out
  the ones a moderator hid), `AdaptationNotice` (who was told an adaptation was published),
  `PendingUpload` (a file kept from a form that came back with errors);
  `ArtefactPage.missing_for_submission()` lists what a draft lacks before it can be submitted;
* `selectors.artefacts_visible_to(user)`: the published artefacts a person may read. Every list,
  feed, sitemap, count, related or lineage panel starts from it;
* `permissions`: `can_view_artefact`, `can_read_live_artefact`, `can_view_draft`,
  `can_create_artefact`, `can_edit_artefact`, `can_submit`, `can_approve`, `can_download`,
  `can_record_trial`, `can_withdraw_trial`, `can_hide_trial`, `can_moderate_trials`,
  `can_adapt_artefact`, `can_adapt_into`, `artefact_or_404`;
* `services`: `create_artefact` (takes `adapted_from=`), `save_draft` (optimistic locking;
  `autosave=True` overwrites its own latest revision), `submit_artefact` (raises
  `errors.IncompleteArtefact` listing what is missing), `keep_pending_upload`, `request_changes`, `approve_artefact`, `publish_due_artefacts`,
  `store_upload`, `adapt_artefact`, `record_trial`, `withdraw_trial`, `hide_trial`;
* `feeds.ArtefactFeed`: the Atom feed of public artefacts at /feeds/artefacts/ (?network=, ?theme=);
  the sitemap (/sitemap.xml) is Wagtail's, with `ArtefactPage.get_sitemap_urls` leaving out
  artefacts that are not public.
"""
