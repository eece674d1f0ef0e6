"""Plain-words reasons for one match (pure Python, like assessments.scoring).

Order: interests (up to three, strongest first), facets (up to two matches, then up to two
mismatches), training (always one). The texts and the rules that pick them are in
docs/scoring.md section 6.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from assessments import scoring
from core.vocabulary import (
    DIMENSION_NAMES,
    DIMENSION_WORK,
    DIMENSIONS,
    FACET_ACTIVITY,
    TRAINING,
    WORK_FACETS,
    months_words,
)

_REASON_CONTRIBUTION = 0.05  # smallest |interest contribution| that earns a reason

REASON_KINDS: tuple[str, ...] = (
    "shared_like",  # both above their own average on a dimension
    "shared_dislike",  # both below
    "asks_dislike",  # the role is high where the person is low
    "misses_like",  # the person is high where the role is low
    "flat_interests",  # the person's interest answers had no clear pattern
    "role_interests_flat",  # the role's interest scores are all equal
    "facet_match",  # a big part of the job that the person wants
    "facet_mismatch",  # the job demands what the person dislikes, or lacks what they want
    "training_fits",
    "training_too_long",
)


def gettext_noop(message: str) -> str:
    """Marks a format string for translation (makemessages extracts it) and returns it as is:
    this module stays free of Django. The read side translates with Django's gettext."""
    return message


#: The English format of every reason, by message id (``Reason.msg``). ``%(plural)s`` is the
#: role's plural ("medical coders"; a sentence's first letter is made a capital), ``%(work)s`` a
#: dimension's kind of work with its name, ``%(activity)s`` a facet's activity, ``%(time)s`` a
#: length of time (months_words). Stored reasons keep their id and arguments, so they can be
#: shown in any language; their English ``text`` is this format filled in English.
MESSAGES: dict[str, str] = {
    "flat_interests": gettext_noop("Your answers about kinds of work had no clear pattern, so this match rests on how you like to work."),
    "role_interests_flat": gettext_noop("We have no clear interest pattern for %(plural)s, so this match rests on how you like to work."),
    "shared_like": gettext_noop("You and %(plural)s both lean toward %(work)s."),
    "shared_dislike": gettext_noop("Neither you nor %(plural)s lean toward %(work)s."),
    "asks_dislike.strong": gettext_noop("The job asks for %(work)s, which you said you dislike."),
    "asks_dislike": gettext_noop("The job asks for %(work)s, which you rated below your other interests."),
    "misses_like.strong": gettext_noop("%(plural)s do little %(work)s, which you said you like."),
    "misses_like": gettext_noop("%(plural)s do little %(work)s, which you rated above your other interests."),
    "remote_match": gettext_noop("You'd like to work from home, and %(plural)s often can."),
    "remote_mismatch": gettext_noop("You'd like to work from home, but %(plural)s rarely can."),
    "facet_match": gettext_noop("You like %(activity)s, and it is a big part of the job for %(plural)s."),
    "facet_demanded": gettext_noop("%(plural)s spend a lot of time %(activity)s, which you said you dislike."),
    "facet_missing": gettext_noop("You like %(activity)s, but %(plural)s do little of it."),
    "training_no_route": gettext_noop(
        "There is no short route into this job: most %(plural)s come to it after years in another health "
        "information job, so we count it as a long route."
    ),
    "training_on_the_job": gettext_noop("You can start with training on the job, which fits the time you have."),
    "training_too_long": gettext_noop("Needs more training than you planned: the shortest usual way to a first job takes about %(time)s."),
    "training_fits": gettext_noop("The shortest usual way to a first job takes about %(time)s, which fits the time you have."),
}


@dataclass(frozen=True)
class Reason:
    """One reason: ``kind`` from REASON_KINDS; ``key`` a RIASEC letter, a facet or "interests".

    ``text`` is the English sentence; ``msg`` (a key of MESSAGES) and ``args`` say how to write
    it in another language: ``role`` (slug), ``dimension`` (letter), ``facet``, ``months``,
    ``said_strongly``, as the message needs. ``args`` is a tuple of pairs (hashable); ``as_dict``
    gives the stored form.
    """

    kind: str
    text: str
    key: str
    msg: str = ""
    args: tuple = ()

    def as_dict(self) -> dict:
        return {"kind": self.kind, "text": self.text, "key": self.key, "msg": self.msg, "args": dict(self.args)}


def english_words(args: dict, plural: str = "") -> dict[str, str]:
    """The English values of a message's placeholders (the read side has a translated twin)."""
    words = {"plural": plural}
    if "dimension" in args:
        d = args["dimension"]
        words["work"] = f"{DIMENSION_WORK[d]} ({DIMENSION_NAMES[d]})"
    if "facet" in args:
        words["activity"] = FACET_ACTIVITY[args["facet"]]
    if "months" in args:
        words["time"] = months_words(args["months"])
    return words


def _reason(kind: str, key: str, msg: str, plural: str = "", **args) -> Reason:
    return Reason(kind, _cap(MESSAGES[msg] % english_words(args, plural)), key, msg, tuple(sorted(args.items())))


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _interest_reasons(profile: scoring.Profile, role: scoring.RoleProfile) -> list[Reason]:
    if profile.is_flat:
        return [_flat_reason("flat_interests", "", "")]
    coef, vec = profile._coef, role._ivec
    if coef is None or vec is None:  # scoring.interest_contributions is None
        return [_flat_reason("role_interests_flat", role.slug, role.plural)]
    table = _interest_table(role)
    # (-|contribution|, letter number, reason): sorted, the strongest first, ties in R-I-A-S-E-C order.
    positives, negatives = [], []
    for k, ck, shared, asks, misses in _letters(profile):
        c = ck * vec[k]  # the letter's part of the interest fit (interest_contributions)
        if -_REASON_CONTRIBUTION < c < _REASON_CONTRIBUTION:
            continue
        if c > 0:
            positives.append((-c, k, table[k][shared]))
        else:
            negatives.append((c, k, table[k][asks if vec[k] > 0 else misses]))
    if len(positives) > 1:
        positives.sort()
    if len(negatives) > 1:
        negatives.sort()
    chosen = positives[:2] + negatives[:2]
    chosen.sort()
    return [reason for _, _, reason in chosen[:3]]


#: The largest size a standardised role interest vector can have on each letter: with weights w,
#: w_k d_k^2 <= sum(w d^2) = sum(w) sd^2, so |d_k| / sd <= sqrt(sum(w) / w_k).
_VEC_BOUND = tuple((scoring._WSUM / w) ** 0.5 for w in scoring._W)


def _letters(profile: scoring.Profile) -> tuple[tuple[int, float, int, int, int], ...]:
    """The letters whose part of the interest fit can reach _REASON_CONTRIBUTION for some role,
    each with its coefficient and which of ``_interest_table``'s reasons it would give when
    shared, when the role asks for it, when the role misses it (strongly or not: the person's
    side). Worked out once per profile, not once per role."""
    found = profile.__dict__.get("_reason_letters")
    if found is None:
        coef, interests = profile._coef, profile.interests
        found = tuple(
            (k, coef[k], 0 if coef[k] > 0 else 1, 3 if interests[d] < 50.0 else 2, 5 if interests[d] > 50.0 else 4)
            for k, d in enumerate(DIMENSIONS)
            if abs(coef[k]) * _VEC_BOUND[k] * (1.0 + 1e-9) >= _REASON_CONTRIBUTION
        )
        object.__setattr__(profile, "_reason_letters", found)
    return found


def _interest_table(role: scoring.RoleProfile) -> tuple[tuple[Reason, ...], ...]:
    """Per RIASEC letter, every interest reason the role can give (shared like, shared dislike,
    asks for a dislike, asks for a strong dislike, misses a like, misses a strong like): worked
    out once per role, whoever the person is."""
    found = role.__dict__.get("_interest_reasons")
    if found is None:
        slug, plural = role.slug, role.plural
        found = tuple(
            (
                _interest_reason("shared_like", d, slug, plural, False),
                _interest_reason("shared_dislike", d, slug, plural, False),
                _interest_reason("asks_dislike", d, slug, plural, False),
                _interest_reason("asks_dislike", d, slug, plural, True),
                _interest_reason("misses_like", d, slug, plural, False),
                _interest_reason("misses_like", d, slug, plural, True),
            )
            for d in DIMENSIONS
        )
        object.__setattr__(role, "_interest_reasons", found)
    return found


# The reasons are memoised by what their words depend on (a kind, a letter or facet, the role's
# plural, a level, a want that is the mean of a few answers): a few thousand at most, shared by
# every person they apply to. Reason is frozen, so sharing one object is safe.


@functools.lru_cache(maxsize=1024)
def _flat_reason(kind: str, slug: str, plural: str) -> Reason:
    if kind == "flat_interests":
        return _reason(kind, "interests", kind)
    return _reason(kind, "interests", kind, plural, role=slug)


@functools.lru_cache(maxsize=4096)
def _interest_reason(kind: str, d: str, slug: str, plural: str, said_strongly: bool) -> Reason:
    if kind in ("shared_like", "shared_dislike"):
        return _reason(kind, d, kind, plural, role=slug, dimension=d)
    msg = f"{kind}.strong" if said_strongly else kind
    return _reason(kind, d, msg, plural, role=slug, dimension=d, said_strongly=said_strongly)


def _facet_entry(i: int, want: float, level: int, slug: str, plural: str) -> tuple[float, int, Reason] | None:
    """(sort key, facet number, Reason) of work facet number ``i``, or None (memoised per role
    by ``_facet_reasons``)."""
    facet = WORK_FACETS[i]
    found = _facet_reason(facet, want, level)
    if found is None:
        return None
    kind, size, msg = found
    args = {"role": slug} if facet == "remote_work" else {"role": slug, "facet": facet}
    return (-size * scoring.FACET_WEIGHTS[facet], i, _reason(kind, facet, msg, plural, **args))


def _facet_reason(facet: str, want: float, level: int) -> tuple[str, float, str] | None:
    """(kind, size, message id) for one facet, or None when it says nothing worth a line."""
    if facet == "remote_work":
        if want >= 4.0 and level >= 4:
            return "facet_match", (want - 3) * (level - 3), "remote_match"
        if want >= 4.0 and level <= 2:
            return "facet_mismatch", (want - 3) * (3 - level), "remote_mismatch"
        return None  # preferring on-site work costs nothing: every role has on-site jobs
    if want >= 4.0 and level >= 4:
        return "facet_match", (want - 3) * (level - 3), "facet_match"
    if want <= 2.0 and level >= 4:
        return "facet_mismatch", scoring.DISLIKE_DEMANDED * (3 - want) * (level - 3), "facet_demanded"
    if want >= 4.0 and level <= 2:
        return "facet_mismatch", (want - 3) * (3 - level), "facet_missing"
    return None


def _decided(profile: scoring.Profile) -> tuple[tuple[int, str], ...]:
    """The work facets (number, slug) whose want can give a line: 4 or more, or 2 or less
    (``_facet_reason`` says nothing in between, whatever the level). Worked out once per
    profile, not once per role."""
    found = profile.__dict__.get("_decided_facets")
    if found is None:
        wants = profile.facets
        found = tuple((i, f) for i, f in enumerate(WORK_FACETS) if not 2.0 < wants[f] < 4.0)
        object.__setattr__(profile, "_decided_facets", found)
    return found


def _facet_reasons(profile: scoring.Profile, role: scoring.RoleProfile) -> list[Reason]:
    likes, clashes = [], []
    wants = profile.facets
    entries = role.__dict__.get("_facet_entries")
    if entries is None:  # (facet number, want) -> _facet_entry for this role: none depends on the person
        entries = {}
        object.__setattr__(role, "_facet_entries", entries)
    for i, facet in _decided(profile):
        want = wants[facet]
        key = (i, want)
        if key in entries:
            entry = entries[key]
        else:
            entry = entries[key] = _facet_entry(i, want, role.facets[facet], role.slug, role.plural)
        if entry is not None:
            (likes if entry[2].kind == "facet_match" else clashes).append(entry)
    # (sort key, facet number, reason): the facet numbers differ, so reasons are never compared.
    if len(likes) > 1:
        likes.sort()
    if len(clashes) > 1:
        clashes.sort()
    return [reason for _, _, reason in likes[:2] + clashes[:2]]


def training_reason(profile: scoring.Profile, role: scoring.RoleProfile, gap: int) -> Reason:
    """The training line: it fits, or the role needs more training than the person planned."""
    return _training_reason(role.slug, role.plural, role.training_step is None, role.months_to_first_job, bool(gap))


@functools.lru_cache(maxsize=4096)
def _training_reason(slug: str, plural: str, no_route: bool, months: int | None, gap: bool) -> Reason:
    if no_route:
        return _reason("training_too_long" if gap else "training_fits", TRAINING, "training_no_route", plural, role=slug)
    if months == 0:
        return _reason("training_fits", TRAINING, "training_on_the_job")
    if gap:
        return _reason("training_too_long", TRAINING, "training_too_long", months=months)
    return _reason("training_fits", TRAINING, "training_fits", months=months)


def explain(profile: scoring.Profile, role: scoring.RoleProfile, match: scoring.Match | None = None) -> tuple[Reason, ...]:
    """Reasons for one match: interests, then facets, then training."""
    gap = match.training_gap if match is not None else scoring._training_gap(profile, role)
    return tuple(_interest_reasons(profile, role) + _facet_reasons(profile, role) + [training_reason(profile, role, gap)])
