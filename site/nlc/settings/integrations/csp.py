"""Content-Security-Policy (django-csp): the site's own scripts, styles, images and fonts only,
and, in frames, its own pages and the video players embeds use (artefacts.video_embeds).

No inline script or style is allowed, so templates keep scripts and styles in static files.
Framing of the site's pages is left to X-Frame-Options (Wagtail's preview needs same-origin
frames in the admin, and frame-ancestors would override X-Frame-Options everywhere).
"""

from csp.constants import NONE, SELF

VIDEO_PLAYERS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF, *VIDEO_PLAYERS],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    },
}
