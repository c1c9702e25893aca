"""What a statement or event fact says beyond its kind: the predicate from a documented list, the roles of its
participants, which of its dates is which, and its modality (asserted, reported, denied, speculated ...).

These travel in a Statement's `detail` (and in the facts contract as `predicate`, `roles`, `dates`, `modality`);
the names here are the vocabulary every extractor and every answer uses.
"""

from __future__ import annotations

from enum import StrEnum


class Modality(StrEnum):
    ASSERTED = "asserted"  # the page states it as a fact
    REPORTED = "reported"  # the page reports someone saying it ("the spokesman said that X was killed")
    DENIED = "denied"  # "the group denied", «نفى»
    NEGATED = "negated"  # "neither mentioned Gaza", «لم يشر»
    SPECULATED = "speculated"  # "reportedly", "was believed to", "rumoured", «يرجح»
    HABITUAL = "habitual"  # "every week the group releases"
    CONDITIONAL = "conditional"  # "if the group attacks"
    INTENDED = "intended"  # called for, threatened, planned: "called for attacks", «توعد بشن هجمات»


# Facts in these modalities are not the page asserting that something happened: answers (first mention,
# absence, latency, the timeline) leave them out unless asked for.
NOT_ASSERTED = frozenset(
    {Modality.DENIED, Modality.NEGATED, Modality.SPECULATED, Modality.HABITUAL, Modality.CONDITIONAL}
)


class RoleName(StrEnum):
    SPEAKER = "speaker"  # whose words a statement carries
    PUBLISHER = "publisher"  # the outlet that released it (al-Furqan)
    AGENT = "agent"  # who did it (the attacker, the appointer)
    PATIENT = "patient"  # to whom it happened (the one killed, appointed, designated)
    OBJECT = "object"  # what was released: {"type": "audio" | "video" | "statement" | "issue" ..., "title": ...}
    PLACE = "place"


class DateRole(StrEnum):
    OCCURRED = "occurred"  # when it happened
    ANNOUNCED = "announced"  # when it was made public (a death announced days later)
    REPORTED = "reported"  # the page's own date


# Predicates, by kind: statements are things said or published, events things that happened.
STATEMENT_PREDICATES = (
    "said",
    "announced",
    "confirmed",
    "claimed",
    "denied",
    "called_for",
    "threatened",
    "pledged",
    "mourned",
    "praised",
    "condemned",
    "criticized",
    "welcomed",
    "released",
    "published",
    "broadcast",
    "gave_speech",
    "issued_statement",
)
EVENT_PREDICATES = (
    "killed",
    "died",
    "captured",
    "arrested",
    "wounded",
    "executed",
    "appointed",
    "succeeded",
    "took_office",
    "led",
    "designated",
    "attacked",
    "launched",
    "declared",
    "pledged_allegiance",
    "released_from_custody",
    "appeared",
)
