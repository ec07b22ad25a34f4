"""Artefacts in the Wagtail admin: for platform staff only, and never around moderation.

Network roles have no admin access, and the national broker moderates in the site, so the
admin's page actions on an artefact (add, edit, publish, unpublish, delete, move, copy, lock,
revisions) belong to admins (support) alone, whatever page permissions a group is given later:

* nobody else holds any of Wagtail's page permissions on an artefact;
* editing also asks artefacts.permissions.can_edit_artefact (a closed network is read-only) and
  publishing asks can_publish_in_admin;
* Wagtail's own workflows are not offered for artefacts: moderation happens in the site.

ArtefactPage.permissions_for_user returns this tester (registered in artefacts.wagtail_hooks).
"""

from wagtail.models import PagePermissionTester

from core.roles import is_admin

from .permissions import can_edit_artefact, can_publish_in_admin


class ArtefactPermissionTester(PagePermissionTester):
    def __init__(self, user, page):
        super().__init__(user, page)
        if not is_admin(user):
            self.permissions = set()

    def can_edit(self):
        # Wagtail also lets a workflow's reviewers edit: artefacts have no workflow reviewers.
        return (
            is_admin(self.user) and super().can_edit() and can_edit_artefact(self.user, self.page)
        )

    def can_publish(self):
        return super().can_publish() and can_publish_in_admin(self.user, self.page)

    def can_view_revisions(self):
        return is_admin(self.user) and super().can_view_revisions()

    def can_submit_for_moderation(self):
        return False
