"""The blocks an artefact's resources are built from: documents, images and embedded video.

Documents and images are served only through permission-checked views (see artefacts.views
and artefacts.wagtail_hooks), so the templates link to those, never to media URLs. A video is
embedded through wagtail.embeds when the provider answers, and shown as a plain link when it
does not, so a page always renders.
"""

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.embeds import get_embed
from wagtail.embeds.exceptions import EmbedException
from wagtail.images.blocks import ImageChooserBlock


class DocumentResourceBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=255)
    document = DocumentChooserBlock()
    description = blocks.TextBlock(required=False)

    class Meta:
        icon = "doc-full"
        template = "artefacts/blocks/document.html"
        description = "A document to download (PDF, Word, PowerPoint, Excel, OpenDocument, text)."
        preview_value = {"title": "Lesson observation protocol", "description": ""}


class ImageResourceBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=255, help_text="Describe what the image shows, for people who cannot see it."
    )
    caption = blocks.CharBlock(max_length=255, required=False)

    class Meta:
        icon = "image"
        template = "artefacts/blocks/image.html"
        description = "An image shown on the page."
        preview_value = {"alt_text": "Pupils' feedback wall", "caption": ""}


def embed_html(url: str) -> str:
    """The provider's embed HTML, or "" when the provider cannot be reached or does not know it."""
    try:
        embed = get_embed(url)
    except EmbedException:
        return ""
    return embed.html or ""


class VideoResourceBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=255)
    url = blocks.URLBlock(help_text="A link to the video on YouTube, Vimeo or another host.")

    class Meta:
        icon = "media"
        template = "artefacts/blocks/video.html"
        description = "A video embedded from its host, or linked when the host cannot be reached."
        preview_value = {"title": "Feedback in a Year 5 lesson", "url": "https://vimeo.com/1"}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["embed_html"] = embed_html(value["url"])
        return context


class ResourcesBlock(blocks.StreamBlock):
    document = DocumentResourceBlock()
    image = ImageResourceBlock()
    video = VideoResourceBlock()

    class Meta:
        block_counts = {}
