"""Network roles mapped onto Wagtail permissions, so the Wagtail admin and the site agree.

Each network has two Wagtail groups, linked to it by `NetworkAccessGroup` rows:

* "<title>: co-leaders [network <id>]" holds add, change and publish permission on the network's
  page (and so its whole subtree) and may use the Wagtail admin;
* "<title>: members [network <id>]" (members and critical friends) holds add and change, so they
  create and edit drafts there but cannot publish; it may use the Wagtail admin too.

A closed network is read-only: its groups keep their people but lose every page permission, and
what the network published stays live.

`sync_network_access(network)` makes the groups match the current memberships. The services call it
after every membership or status change, inside their transaction: there are no signals.
"""

from django.contrib.auth.models import Group, Permission

from wagtail.models import GroupPagePermission

from .models import AccessLevel, Membership, NetworkAccessGroup, NetworkStatus, Role

PAGE_PERMISSIONS = {
    AccessLevel.CO_LEADERS: ("add_page", "change_page", "publish_page"),
    AccessLevel.MEMBERS: ("add_page", "change_page"),
}
ADMIN_ACCESS = ("wagtailadmin", "access_admin")


def group_name(network, level: str) -> str:
    label = AccessLevel(level).label
    suffix = f": {label} [network {network.pk}]"
    return network.title[: 150 - len(suffix)] + suffix


def _permissions_by_codename() -> dict[str, Permission]:
    codenames = {codename for names in PAGE_PERMISSIONS.values() for codename in names}
    permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=codenames
    ) | Permission.objects.filter(content_type__app_label=ADMIN_ACCESS[0], codename=ADMIN_ACCESS[1])
    return {permission.codename: permission for permission in permissions}


def network_groups(network) -> dict[str, Group]:
    """The network's Wagtail groups by access level, created (and renamed) as needed."""
    links = {
        link.level: link
        for link in NetworkAccessGroup.objects.filter(network=network).select_related("group")
    }
    groups = {}
    for level in AccessLevel.values:
        name = group_name(network, level)
        link = links.get(level)
        if link is None:
            group, _ = Group.objects.get_or_create(name=name)
            NetworkAccessGroup.objects.create(network=network, level=level, group=group)
        else:
            group = link.group
            if group.name != name:
                group.name = name
                group.save(update_fields=["name"])
        groups[level] = group
    return groups


def sync_network_access(network) -> dict[str, Group]:
    """Make the network's Wagtail groups, their page permissions and their people current."""
    groups = network_groups(network)
    permissions = _permissions_by_codename()
    closed = network.status == NetworkStatus.CLOSED
    for level, group in groups.items():
        wanted = set() if closed else set(PAGE_PERMISSIONS[level])
        existing = {
            row.permission.codename: row
            for row in GroupPagePermission.objects.filter(
                group=group, page_id=network.pk
            ).select_related("permission")
        }
        for codename, row in existing.items():
            if codename not in wanted:
                row.delete()
        GroupPagePermission.objects.bulk_create(
            [
                GroupPagePermission(group=group, page_id=network.pk, permission=permissions[c])
                for c in sorted(wanted - existing.keys())
            ]
        )
        if closed:
            group.permissions.remove(permissions[ADMIN_ACCESS[1]])
        else:
            group.permissions.add(permissions[ADMIN_ACCESS[1]])

    current = Membership.objects.current().filter(network=network).values_list("user_id", "role")
    co_leader_ids = {user_id for user_id, role in current if role == Role.CO_LEADER}
    member_ids = {user_id for user_id, role in current if role != Role.CO_LEADER}
    groups[AccessLevel.CO_LEADERS].user_set.set(co_leader_ids)
    groups[AccessLevel.MEMBERS].user_set.set(member_ids)
    return groups
