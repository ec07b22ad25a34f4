"""Video embeds come from an allow-list of players the site builds itself, never from oEmbed HTML."""

import pytest

from artefacts.blocks import VideoResourceBlock
from artefacts.video_embeds import PLAYER_ORIGINS, video_embed


@pytest.mark.parametrize(
    "url",
    [
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://youtube.com/watch?v=dQw4w9WgXcQ&feature=share",
        "https://m.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://youtu.be/dQw4w9WgXcQ",
        "https://www.youtube.com/embed/dQw4w9WgXcQ",
        "https://www.youtube.com/shorts/dQw4w9WgXcQ",
        "http://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
    ],
)
def test_youtube_addresses_play_in_the_privacy_enhanced_player(url):
    embed = video_embed(url)

    assert embed.provider == "YouTube"
    assert embed.src == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0"


@pytest.mark.parametrize("start", ["90", "90s", "1m30s", "1m30"])
def test_a_youtube_start_time_is_kept(start):
    embed = video_embed(f"https://youtu.be/dQw4w9WgXcQ?t={start}")

    assert embed.src == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0&start=90"


@pytest.mark.parametrize(
    "url",
    [
        "https://vimeo.com/76979871",
        "https://player.vimeo.com/video/76979871",
        "https://vimeo.com/channels/staffpicks/76979871",
        "https://vimeo.com/groups/teachers/videos/76979871",
    ],
)
def test_vimeo_addresses_play_in_vimeos_player_without_tracking(url):
    embed = video_embed(url)

    assert embed.provider == "Vimeo"
    assert embed.src == "https://player.vimeo.com/video/76979871?dnt=1"


@pytest.mark.parametrize(
    "url",
    [
        "https://vimeo.com/76979871/3f5a2b1c9d",
        "https://player.vimeo.com/video/76979871?h=3f5a2b1c9d",
    ],
)
def test_an_unlisted_vimeo_video_keeps_its_private_hash(url):
    assert video_embed(url).src == "https://player.vimeo.com/video/76979871?dnt=1&h=3f5a2b1c9d"


@pytest.mark.parametrize(
    "url",
    [
        "https://video.example.org/7",
        "https://youtube.com.example.org/watch?v=dQw4w9WgXcQ",
        "https://evil.example/?u=https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "javascript:alert(1)//youtube.com/watch?v=dQw4w9WgXcQ",
        "https://user:pass@www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com/watch?v=short",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ%22onload%3D",
        "https://www.youtube.com/playlist?list=PL123",
        "https://vimeo.com/about",
        "https://[::1/",
        "",
    ],
)
def test_anything_else_is_not_embedded(url):
    assert video_embed(url) is None


def test_every_player_is_an_origin_the_content_security_policy_allows_in_frames(settings):
    frame_src = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["frame-src"]

    assert set(PLAYER_ORIGINS) <= set(frame_src)


def render_video(title: str, url: str) -> str:
    block = VideoResourceBlock()
    return block.render(block.to_python({"title": title, "url": url}))


def test_a_video_block_renders_the_sites_own_iframe_with_an_escaped_title():
    html = render_video("Feedback <live>", "https://youtu.be/dQw4w9WgXcQ")

    assert '<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0"' in html
    assert 'title="Feedback &lt;live&gt; (YouTube video)"' in html
    assert "Watch “Feedback &lt;live&gt;” on YouTube" in html


def test_a_video_block_asks_no_provider_and_no_database(django_assert_max_num_queries, db):
    """oEmbed answers (the provider's HTML, cached in the database) play no part any more."""
    with django_assert_max_num_queries(0):
        html = render_video("Ten minutes to edit", "https://vimeo.com/76979871")

    assert html.count("<iframe") == 1
