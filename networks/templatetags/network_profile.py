from django import template

from core.pagecache import kept_with_page, page_path

register = template.Library()


@register.simple_tag(takes_context=True)
def profile_section(context, section, network):
    """A profile section's HTML: rendered here, or kept with the profile for everyone it is
    shown to alike (networks.profile, `kept_for`)."""

    def render():
        with context.push(network=network, section=section):
            return context.template.engine.get_template(section.template).render(context)

    if section.kept_for is None:
        return render()
    name = f"section:{section.key}:{section.kept_for!r}"
    return kept_with_page(page_path(network), name, render)
