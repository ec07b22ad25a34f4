"""The longest text each of the review's fields takes, in characters: forms, model validation
and services all read these."""

# Short reasons and comments: a few sentences.
REASON_MAX_LENGTH = 1000
COMMENT_MAX_LENGTH = 1000
ACTION_MAX_LENGTH = 1000
RUBRIC_DESCRIPTOR_MAX_LENGTH = 1000
# Notes, rationales and descriptions: a few paragraphs.
PURPOSE_MAX_LENGTH = 2000
EVIDENCE_NOTE_MAX_LENGTH = 2000
PROGRESS_NOTE_MAX_LENGTH = 2000
DESCRIPTION_MAX_LENGTH = 2000
RATIONALE_MAX_LENGTH = 3000
# The report's parts and the guidance reviewers read: a page or so.
FINDING_MAX_LENGTH = 5000
FOLLOW_UP_MAX_LENGTH = 5000
GUIDANCE_MAX_LENGTH = 5000
REPORT_SUMMARY_MAX_LENGTH = 10_000
