"""The site's artefact pages outside the Wagtail page itself, one module per activity: drafting,
moderation, spreading (trying and adapting), revisions, files and lists. Views fetch through
artefacts.permissions' accessors, read through selectors and write through services."""
