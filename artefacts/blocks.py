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


class VideoResourceBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=255)
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
