"""The Wagtail admin asks artefacts.permissions too, so the admin and the site agree.

Network members hold Wagtail's add and change permissions on their network's subtree (see
networks.wagtail_permissions) and co-leaders hold publish. For artefacts that would let any
member edit anyone's artefact and a co-leader publish their own, skipping moderation; so:

* editing needs artefacts.permissions.can_edit_artefact as well as Wagtail's permission;
* publishing from the admin is for admins only (support): everyone else publishes by approving
  a submitted artefact in the site, which enforces the "not the author" rule;
* Wagtail's own workflows are not offered for artefacts: moderation happens in the site.

ArtefactPage.permissions_for_user returns this tester (registered in artefacts.wagtail_hooks).
"""

from wagtail.models import PagePermissionTester

from .permissions import can_edit_artefact, can_publish_in_admin


class ArtefactPermissionTester(PagePermissionTester):
    def can_edit(self):
        return super().can_edit() and can_edit_artefact(self.user, self.page)

    def can_publish(self):
        return super().can_publish() and can_publish_in_admin(self.user, self.page)

    def can_submit_for_moderation(self):
        return False
