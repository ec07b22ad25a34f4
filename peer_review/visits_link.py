"""The seam between peer review and study visits (visits/), which is not yet on this branch.

Two things will come from visits/ once it lands, and only through here:

* `study_visit_contacts(network, since)`: who visited or hosted this network's study visits
  since a date (a conflict of interest for its peer review). Until visits/ is connected it asks
  the Wagtail hook `STUDY_VISIT_CONTACTS_HOOK`: each registered function takes
  (network, since) and returns user ids. Connecting visits/ is one hook registration.
* the review visit itself: `peer_review.services.visit.schedule_review_visit`.
"""

from wagtail import hooks

STUDY_VISIT_CONTACTS_HOOK = "peer_review_study_visit_contacts"


def study_visit_contacts(network, since) -> set[int]:
    contacts: set[int] = set()
    for source in hooks.get_hooks(STUDY_VISIT_CONTACTS_HOOK):
        contacts.update(source(network, since))
    return contacts
