"""The resource blocks, without a page."""

from artefacts.blocks import VideoResourceBlock


def test_video_block_falls_back_to_a_link_when_the_provider_cannot_be_reached(
    db, unreachable_embed_provider, django_assert_max_num_queries
):
    block = VideoResourceBlock()
    value = block.to_python({"title": "Feedback <live>", "url": "https://video.example.org/7"})

    with django_assert_max_num_queries(1):
        html = block.render(value)

    assert '<a href="https://video.example.org/7" rel="noopener nofollow">' in html
    assert "Watch the video: Feedback &lt;live&gt;" in html
    assert "<iframe" not in html
