"""django-csp's middleware, with the two allowances Wagtail's admin needs and the site does not.

In the admin (under /admin/) only:
* styles may also be inline: the editor's accessibility checker (axe, bundled in Wagtail's
  core.js) adds <style> elements while it checks a page;
* the one inline event handler "return;" may run: Jcrop, behind the image focal-point chooser,
  probes for event support by setting on* attributes to it. A hash allows exactly that text.

Scripts stay the admin's own files: the inline scripts Wagtail uses to start widgets are replaced
by tags loading js/wagtail-admin-start.js with the same data (the templates in
nlc/templates/wagtailadmin, and `render_chooser_without_inline_script` for the choosers, whose
script Wagtail writes in Python), installed when the app is ready.
"""

import dataclasses
import json

from csp.constants import UNSAFE_HASHES, UNSAFE_INLINE
from csp.middleware import CSPMiddleware

from django.templatetags.static import static
from django.utils.html import format_html

from wagtail.admin.widgets.chooser import BaseChooser

ADMIN_PREFIX = "/admin/"
JCROP_EVENT_PROBE = "'sha256-i+qr4lq34KgNHiW62lWi9aInEBwiEOrfCzaNPCvkqD8='"  # "return;"
ADMIN_ALLOWANCES = {
    "style-src": [UNSAFE_INLINE],
    "script-src-attr": [UNSAFE_HASHES, JCROP_EVENT_PROBE],
}


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not request.path_info.startswith(ADMIN_PREFIX):
            return parts
        return dataclasses.replace(parts, update={**ADMIN_ALLOWANCES, **(parts.update or {})})


def render_chooser_without_inline_script(self, name, value, attrs=None, renderer=None):
    """BaseChooser.render, starting the chooser from js/wagtail-admin-start.js: Wagtail's own
    follows the widget with an inline script."""
    try:
        id_ = attrs["id"]
    except (KeyError, TypeError) as error:
        raise TypeError("BaseChooser cannot be rendered without an 'id' attribute") from error
    value_data = self.get_value_data(value)
    options = self.get_js_init_options(id_, name, value_data)
    return format_html(
        '{}<script src="{}" defer data-wagtail-start="chooser" data-chooser-class="{}" '
        'data-input-id="{}" data-options="{}"></script>',
        self.render_html(name, value_data, attrs),
        static("js/wagtail-admin-start.js"),
        self.js_constructor,
        id_,
        json.dumps(options),
    )


def start_choosers_without_inline_scripts() -> None:
    BaseChooser.render = render_chooser_without_inline_script
