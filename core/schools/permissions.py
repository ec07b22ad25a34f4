"""Who may see and change the schools register. The admin views and the Wagtail policy ask here.

The register is England's official list (GIAS), so nobody edits a school by hand: the national
brokers and the site's administrators keep it current by importing the GIAS export.
"""


def _is_broker_or_admin(user) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return bool(user.is_superuser or getattr(user, "is_broker", False))


def can_view_school_register(user) -> bool:
    """The register's pages in the Wagtail admin (list, filters, one school)."""
    return _is_broker_or_admin(user)


def can_import_schools(user) -> bool:
    """Upload a GIAS CSV in the admin and see what each import did."""
    return _is_broker_or_admin(user)
