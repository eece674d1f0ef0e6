"""The fit questionnaire as JSON (django-ninja router, mounted at /api/v1/quiz/).

GET items lists the statements; POST score scores a full set of answers and returns every
role's match, best first. Scoring through the API stores nothing.
"""

import json
from typing import Annotated, Any

from django.http import HttpResponse
from django.utils.translation import get_language
from ninja import Query, Router, Schema, Status
from pydantic import Field, WithJsonSchema

from assessments.forms import SCALE_MAX, SCALE_MIN, scale_labels, training_labels
from assessments.models import Item
from assessments.reason_text import band_label, is_english, reason_text
from assessments.scoring import DIMENSIONS, MODEL_VERSION, TRAINING, AnswerError
from assessments.services import ScoringInputs, score_answers, scoring_inputs
from careers.models import Role
from core.i18n_api import LanguageParams

router = Router(tags=["quiz"])

_ECHO_LIMIT = 100  # codes named in an error body, per list


class ScaleOut(Schema):
    min: int
    max: int
    labels: list[str] = Field(description="The five answer labels, 1 to 5, in the request's language")


class ItemOut(Schema):
    code: str = Field(description="The statement's code: the same in every language")
    text: str = Field(description="The statement in the request's language (English, or Spanish with ?lang=es or Accept-Language: es)")
    dimension: str | None = Field(None, description="RIASEC letter, for interest statements")
    facet: str | None = Field(None, description="Work facet slug, for work statements (training_time: the training question)")
    labels: list[str] | None = Field(None, description="Answer labels 1-5 when they differ from the scale's (the training question)")


class ItemsOut(Schema):
    scale: ScaleOut
    items: list[ItemOut]


# Values are validated by the scorer, not by pydantic: "5", 5.0 and true must be named as
# invalid answers in a 422 body, not coerced to 5 (or 1).
AnswerMap = Annotated[
    dict[str, Any],
    WithJsonSchema(
        {
            "type": "object",
            "additionalProperties": {"type": "integer", "minimum": SCALE_MIN, "maximum": SCALE_MAX},
            "description": "Every item code with a whole-number answer from 1 to 5.",
            "examples": [{"R1": 2, "C1": 5}],
        }
    ),
]


class ScoreIn(Schema):
    answers: AnswerMap = Field(default_factory=dict)


class MatchOut(Schema):
    role: str = Field(description="Role slug")
    name: str = Field(description="The role's name in the request's language")
    fit: int = Field(ge=0, le=100)
    band: str = Field(description="The fit band in words, in the request's language")
    reasons: list[str] = Field(description="Why the role fits or not, in the request's language")
    score: float = Field(description="The exact score the ranking uses (fit = 50 + 100 x score, clamped)")
    training_fits: bool = Field(description="False when the role needs more training than the answer allows")


class FirstPlaceOut(Schema):
    close_call: bool = Field(description="The first two matches are within 2 fit points")
    runner_up: str | None = Field(description="Slug of the second match")
    lead: int | None = Field(description="Fit points between the first and second match")
    stable: bool = Field(description="No single answer moved one step would change the first match")
    challenger: str | None = Field(description="A role that one answer moved one step would put first")
    undecided: bool = Field(description="The answers were too even to tell roles apart well")


class ScoreOut(Schema):
    profile: dict[str, float] = Field(description="Interest scores 0-100 for R, I, A, S, E, C")
    holland_code: str
    is_flat: bool
    model: str = Field(description="Version of the scoring model")
    first_place: FirstPlaceOut
    matches: list[MatchOut]


class ErrorOut(Schema):
    detail: str


class AnswerErrorOut(Schema):
    detail: str | list[dict[str, Any]] = Field(description="What went wrong; a list of field errors when the body has the wrong shape")
    missing: list[str] = []
    invalid: list[str] = []
    unknown: list[str] = []


@router.get("/items", response={200: ItemsOut}, exclude_none=True, summary="List the questionnaire's statements")
def items(request, language: Query[LanguageParams]):
    """Every active statement in the order the quiz shows them, with its dimension or facet.

    Texts and labels are in the request's language (Spanish with ``Accept-Language: es``); the
    codes, their order and the scoring are the same in every language."""
    training = list(training_labels())
    rows = [
        {
            "code": item.code,
            "text": item.text,
            "dimension": item.dimension.code if item.dimension_id else None,
            "facet": item.facet.slug if item.facet_id else None,
            "labels": training if item.facet_id and item.facet.slug == TRAINING else None,
        }
        for item in Item.objects.for_form()
    ]
    return {"scale": {"min": SCALE_MIN, "max": SCALE_MAX, "labels": list(scale_labels())}, "items": rows}


@router.post(
    "/score",
    response={200: ScoreOut, 400: ErrorOut, 422: AnswerErrorOut},
    summary="Score a full set of answers (nothing is saved)",
)
def score(request, payload: ScoreIn, language: Query[LanguageParams]):
    """Score answers for every statement and rank every role, best first.

    400: the body is not valid JSON (or not a JSON object). 422: answers are missing, out of range (whole numbers 1-5
    only) or for unknown codes; the body names them. Role names, bands and reasons are in the request's language
    (Spanish with ?lang=es or Accept-Language: es); slugs, fits, scores and the ranking are the same in every language.
    """
    try:
        inputs = scoring_inputs()
        scored = score_answers(payload.answers, inputs=inputs)
    except AnswerError as exc:
        return Status(422, {
            "detail": _describe(exc),
            "missing": exc.missing[:_ECHO_LIMIT],
            "invalid": exc.invalid[:_ECHO_LIMIT],
            "unknown": exc.unknown[:_ECHO_LIMIT],
        })
    # Serialised once, here: the response schema above documents this body (a test validates
    # it against ScoreOut), but re-validating 19 matches through pydantic cost more than scoring.
    return HttpResponse(json.dumps(_score_body(scored, inputs), separators=(",", ":")), content_type="application/json")


_FIRST_PLACE_KEYS = tuple(FirstPlaceOut.model_fields)

#: Per language (not English): the scoring inputs they were read for, the roles' names and
#: plurals in that language, fit bands and reason sentences already translated. Rebuilt when
#: the scoring inputs are (a new content generation); none of it depends on the person.
_local_words: dict[str, tuple[ScoringInputs, dict[str, str], dict[str, str], dict, dict]] = {}
_ENGLISH_BANDS: dict[str, str] = {}


def _local(inputs: ScoringInputs, language: str):
    hit = _local_words.get(language)
    if hit is not None and hit[0] is inputs:
        return hit
    local = {role.slug: role for role in Role.objects.all()}
    names = {slug: role.name for slug, role in local.items()} | {s: n for s, n in inputs.names.items() if s not in local}
    plurals = {slug: role.plural for slug, role in local.items()}
    hit = _local_words[language] = (inputs, names, plurals, {}, {})
    return hit


def _score_body(scored, inputs: ScoringInputs) -> dict[str, Any]:
    """The response body. Role names, bands and reasons are in the request's language: the
    scoring inputs hold the English; another language reads the roles once per content
    generation and translates each band and reason sentence once."""
    profile, summary = scored.profile, scored.summary
    if is_english():
        names, bands = inputs.names, _ENGLISH_BANDS
        plurals = texts = None
    else:
        _inputs, names, plurals, bands, texts = _local(inputs, get_language())
    matches = []
    for m in scored.matches:
        band = bands.get(m.band)
        if band is None:
            band = bands[m.band] = band_label(m.band)
        if texts is None:
            reasons = [r.text for r in m.reasons]
        else:
            plural = plurals.get(m.slug, "")
            reasons = []
            for r in m.reasons:
                text = texts.get((r, plural))
                if text is None:
                    text = texts[r, plural] = reason_text(r, plural)
                reasons.append(text)
        matches.append({
            "role": m.slug,
            "name": names.get(m.slug, m.slug),
            "fit": m.fit,
            "band": band,
            "reasons": reasons,
            "score": round(m.score, 6),
            "training_fits": m.training_fits,
        })
    return {
        "profile": {d: round(profile.interests[d], 1) for d in DIMENSIONS},
        "holland_code": profile.holland_code,
        "is_flat": profile.is_flat,
        "model": MODEL_VERSION,
        "first_place": {key: summary.get(key) for key in _FIRST_PLACE_KEYS},
        "matches": matches,
    }


def _describe(exc: AnswerError) -> str:
    parts = []
    if exc.missing:
        parts.append(f"{len(exc.missing)} statement(s) have no answer")
    if exc.invalid:
        parts.append(f"{len(exc.invalid)} answer(s) are not whole numbers from {SCALE_MIN} to {SCALE_MAX}")
    if exc.unknown:
        parts.append(f"{len(exc.unknown)} code(s) are not statements of this quiz")
    return "Cannot score these answers: " + "; ".join(parts) + "."
