"""What the artefact services raise when they refuse. Each carries a message for the person."""


class ArtefactActionRefused(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class NotAllowed(ArtefactActionRefused):
    """The person may not do this (see artefacts.permissions)."""


class StaleDraft(ArtefactActionRefused):
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


class InvalidAdaptation(ArtefactActionRefused):
    """An adaptation breaks a rule of ArtefactPage.adaptation_problems.

    `problems` maps field names to messages; nothing was saved.
    """

    def __init__(self, problems: dict[str, str]):
        super().__init__(" ".join(problems.values()))
        self.problems = problems
