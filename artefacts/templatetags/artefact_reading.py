from django import template

from core.pagecache import kept_with_page

register = template.Library()


@register.simple_tag(takes_context=True)
def artefact_body(context):
    """The artefact's sections, resources, people and metadata: the same for every reader of
    the live page, so kept with it (core.pagecache) when `kept_path` names it; rendered afresh
    for a preview."""

    def render():
        body = context.template.engine.get_template("artefacts/includes/body.html")
        return body.render(context)

    return kept_with_page(context.get("kept_path", ""), "body-html", render)
