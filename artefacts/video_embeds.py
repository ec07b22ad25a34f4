"""Video embeds from an allow-list of hosts, built by the site rather than taken from oEmbed.

An oEmbed answer is HTML chosen by the provider (or by whoever answers in its place): putting it
on the page unescaped would let that HTML run scripts here. Instead the video's id is read from
its address and the site writes the player's iframe itself, pointing only at the players the
Content-Security-Policy's frame-src allows (site/nlc/settings/integrations/csp.py). Addresses on
other hosts are shown as links.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit

YOUTUBE_PLAYER = "https://www.youtube-nocookie.com"
VIMEO_PLAYER = "https://player.vimeo.com"
PLAYER_ORIGINS = (YOUTUBE_PLAYER, VIMEO_PLAYER)

YOUTUBE_HOSTS = {
    "youtube.com",
    "www.youtube.com",
    "m.youtube.com",
    "youtube-nocookie.com",
    "www.youtube-nocookie.com",
}
YOUTUBE_SHORT_HOST = "youtu.be"
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}

YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")
YOUTUBE_PATH = re.compile(r"^/(?:embed|shorts|live|v)/([A-Za-z0-9_-]{11})/?$")
VIMEO_PATH = re.compile(
    r"^/(?:video/|channels/[\w-]+/|groups/[\w-]+/videos/)?(\d{1,12})(?:/([0-9a-f]{6,20}))?/?$"
)
VIMEO_HASH = re.compile(r"[0-9a-f]{6,20}")
START = re.compile(r"^(?:(\d{1,2})h)?(?:(\d{1,3})m)?(?:(\d{1,5})s?)?$")


@dataclass(frozen=True)
class VideoEmbed:
    provider: str
    src: str


def _start_seconds(query: dict) -> int | None:
    for name in ("t", "start"):
        value = (query.get(name) or [""])[0]
        match = START.match(value) if value else None
        if match and any(match.groups()):
            hours, minutes, seconds = (int(part or 0) for part in match.groups())
            return hours * 3600 + minutes * 60 + seconds
    return None


def _youtube(host: str, path: str, query: dict) -> VideoEmbed | None:
    if host == YOUTUBE_SHORT_HOST:
        video_id = path.strip("/")
    elif path.rstrip("/") == "/watch":
        video_id = (query.get("v") or [""])[0]
    else:
        match = YOUTUBE_PATH.match(path)
        video_id = match.group(1) if match else ""
    if not YOUTUBE_ID.fullmatch(video_id):
        return None
    params = {"rel": "0"}
    start = _start_seconds(query)
    if start:
        params["start"] = str(start)
    return VideoEmbed("YouTube", f"{YOUTUBE_PLAYER}/embed/{video_id}?{urlencode(params)}")


def _vimeo(path: str, query: dict) -> VideoEmbed | None:
    match = VIMEO_PATH.match(path)
    if not match:
        return None
    video_id, private_hash = match.groups()
    private_hash = private_hash or (query.get("h") or [""])[0]
    params = {"dnt": "1"}
    if private_hash and VIMEO_HASH.fullmatch(private_hash):
        params["h"] = private_hash
    return VideoEmbed("Vimeo", f"{VIMEO_PLAYER}/video/{video_id}?{urlencode(params)}")


def video_embed(url: str) -> VideoEmbed | None:
    """The player to embed for a YouTube or Vimeo address, or None for anything else."""
    try:
        parts = urlsplit((url or "").strip())
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or parts.username or parts.password:
        return None
    host = (parts.hostname or "").lower()
    query = parse_qs(parts.query)
    if host in YOUTUBE_HOSTS or host == YOUTUBE_SHORT_HOST:
        return _youtube(host, parts.path, query)
    if host in VIMEO_HOSTS:
        return _vimeo(parts.path, query)
    return None
