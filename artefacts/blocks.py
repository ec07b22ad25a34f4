"""The blocks an artefact's resources are built from: documents, images and embedded video.

Documents and images are served only through permission-checked views (see artefacts.views
and artefacts.wagtail_hooks), so the templates link to those, never to media URLs. A video on
YouTube or Vimeo is embedded in a player the site builds itself (artefacts.video_embeds); one on
another host is shown as a link.
"""

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from .video_embeds import video_embed

TITLE_MAX_LENGTH = 255
DESCRIPTION_MAX_LENGTH = 1000
# Each text a resource holds, with its maximum length: the blocks enforce these in Wagtail's
# editor, and ArtefactPage.clean on whatever writes the stored data directly.
RESOURCE_TEXT_LIMITS = {
    "title": TITLE_MAX_LENGTH,
    "alt_text": TITLE_MAX_LENGTH,
    "caption": TITLE_MAX_LENGTH,
    "description": DESCRIPTION_MAX_LENGTH,
}


def resource_text_problem(raw_data) -> str | None:
    """What is too long among the resources' texts (stored StreamField data), or None. No query."""
    for item in raw_data or ():
        value = item.get("value") or {}
        for name, limit in RESOURCE_TEXT_LIMITS.items():
            text = value.get(name) or ""
            if len(text) > limit:
                label = value.get("title") or value.get("alt_text") or "A resource"
                return (
                    f"{label[:60]}: its {name.replace('_', ' ')} can be at most {limit:,} "
                    f"characters (it has {len(text):,})."
                )
    return None


class DocumentResourceBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=TITLE_MAX_LENGTH)
    document = DocumentChooserBlock()
    description = blocks.TextBlock(required=False, max_length=DESCRIPTION_MAX_LENGTH)

    class Meta:
        icon = "doc-full"
        template = "artefacts/blocks/document.html"
        description = "A document to download (PDF, Word, PowerPoint, Excel, OpenDocument, text)."
        preview_value = {"title": "Lesson observation protocol", "description": ""}


class ImageResourceBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=TITLE_MAX_LENGTH,
        help_text="Describe what the image shows, for people who cannot see it.",
    )
    caption = blocks.CharBlock(max_length=TITLE_MAX_LENGTH, required=False)

    class Meta:
        icon = "image"
        template = "artefacts/blocks/image.html"
        description = "An image shown on the page."
        preview_value = {"alt_text": "Pupils' feedback wall", "caption": ""}


class VideoResourceBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=TITLE_MAX_LENGTH)
    url = blocks.URLBlock(help_text="A link to the video on YouTube, Vimeo or another host.")

    class Meta:
        icon = "media"
        template = "artefacts/blocks/video.html"
        description = "A video embedded from YouTube or Vimeo, or linked on another host."
        preview_value = {"title": "Feedback in a Year 5 lesson", "url": "https://vimeo.com/1"}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["embed"] = video_embed(value["url"])
        return context


class ResourcesBlock(blocks.StreamBlock):
    document = DocumentResourceBlock()
    image = ImageResourceBlock()
    video = VideoResourceBlock()

    class Meta:
        block_counts = {}
