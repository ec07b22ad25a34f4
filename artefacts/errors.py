"""The artefact services' refusals: core's ActionRefused, with names for the rules they guard."""

from core.errors import ActionRefused, NotAllowed

__all__ = ["ActionRefused", "IncompleteArtefact", "InvalidAdaptation", "NotAllowed", "StaleDraft"]


class StaleDraft(ActionRefused):
    """Someone saved a newer version since this person started editing.

    `latest_revision` is that newer version; nothing was saved.
    """

    def __init__(self, latest_revision):
        who = latest_revision.user.display_name if latest_revision.user else "Someone"
        super().__init__(
            f"{who} saved a newer version of this artefact while you were editing. "
            "Your changes have not been saved: they are still in the form below. Compare the "
            "versions, then save again to replace theirs with yours."
        )
        self.latest_revision = latest_revision


class InvalidAdaptation(ActionRefused):
    """An adaptation breaks a rule of ArtefactPage.adaptation_problems: `field_errors` maps
    field names to messages; nothing was saved."""

    def __init__(self, problems: dict[str, str]):
        super().__init__(field_errors=problems)


class IncompleteArtefact(ActionRefused):
    """A draft submitted for moderation lacks what ArtefactPage.missing_for_submission lists:
    `missing` holds those items (field, label, message); nothing was submitted."""

    def __init__(self, missing):
        self.missing = list(missing)
        labels = ", ".join(item.label for item in self.missing)
        super().__init__(
            f"Before you submit it, fill in: {labels}.",
            field_errors={item.field: item.message for item in self.missing},
        )
