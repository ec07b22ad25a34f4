"""The broker's verbs. Each runs in one transaction and raises core.errors.ActionRefused (or
NotAllowed) with a message for the person; none imports a task (see core.queue)."""
