"""The fit questionnaire as a form: built from Item rows; it validates and normalises, never saves."""

import re
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from django import forms
from django.conf import settings
from django.utils.translation import gettext, gettext_lazy, gettext_noop

from assessments.models import JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, Cohort, Item
from assessments.ratelimit import BLOCKED_MESSAGE
from core.cache import content_generation
from core.i18n import language_code
from core.vocabulary import TRAINING, TRAINING_STEPS

SCALE_MIN, SCALE_MAX = 1, 5
#: The English answer labels (items.yaml's scale.labels); other languages read scale.labels_<lang>.
SCALE_LABELS = (gettext_noop("Strongly dislike"), gettext_noop("Dislike"), gettext_noop("Unsure"), gettext_noop("Like"), gettext_noop("Strongly like"))
SCALE_CHOICES = list(zip(range(SCALE_MIN, SCALE_MAX + 1), SCALE_LABELS, strict=True))
#: The training question is a limit, answered in time rather than liking.
TRAINING_LABELS = tuple(label for _step, label, _months in TRAINING_STEPS)
TRAINING_CHOICES = [(step, label) for step, label, _months in TRAINING_STEPS]
ITEMS_FILE = Path(settings.BASE_DIR) / "fixtures" / "content" / "items.yaml"

STAGES = {
    1: (
        gettext_lazy("What you like doing"),
        gettext_lazy("How much would you like doing each activity? Think about the activity itself, not whether you could do it today."),
    ),
    2: (
        gettext_lazy("How you like to work"),
        gettext_lazy("How much would you like each of these as part of your job? The last question asks how long you could train before a first job."),
    ),
}

ANSWER_ERRORS = {
    "required": gettext_lazy("Choose an answer for this statement."),
    "invalid_choice": gettext_lazy("That answer was not one of the five choices. Choose one of them."),
}


_language = language_code


@lru_cache(maxsize=8)
def _yaml_scale_labels(language: str) -> tuple[str, ...] | None:
    """items.yaml's scale.labels_<language>, when it holds five labels."""
    from careers.content import read_yaml  # noqa: PLC0415 (the careers app loads after this one)

    labels = ((read_yaml(ITEMS_FILE) or {}).get("scale") or {}).get(f"labels_{language}")
    return tuple(str(label) for label in labels) if isinstance(labels, list) and len(labels) == len(SCALE_LABELS) else None


def scale_labels() -> tuple[str, ...]:
    """The five answer labels in the active language: items.yaml's ``labels_es`` under Spanish
    (else the site's own translation of each English label), the English ones otherwise."""
    language = _language()
    if language == "en":
        return SCALE_LABELS
    return _yaml_scale_labels(language) or tuple(gettext(label) for label in SCALE_LABELS)


def training_labels() -> tuple[str, ...]:
    """The training question's five answers in the active language."""
    return tuple(gettext(label) for label in TRAINING_LABELS)


_JOIN_CODE = re.compile(f"[{JOIN_CODE_ALPHABET}]{{{JOIN_CODE_LENGTH}}}")
_JOIN_CODE_SEPARATORS = re.compile(r"[\s\-‐‑‒–—]+")


@dataclass
class Section:
    """One page-sized group of statements: "Section 2 of 7"."""

    number: int
    total: int
    stage: int
    fields: list = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"section-{self.number}"


@dataclass
class Stage:
    number: int
    title: str
    intro: str
    sections: list[Section] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"stage-{self.number}"


@dataclass(frozen=True)
class AnswerFields:
    """The statements in display order and one answer field per statement (by item code)."""

    items: list
    fields: dict[str, forms.Field]


def build_answer_fields(items) -> AnswerFields:
    """Display order: interest statements grouped by dimension (in the dimensions' order), then
    the work statements; the given order within each group. Fields are numbered in that order.
    The answer labels are those of the active language."""
    ordered = sorted(items, key=lambda i: (i.dimension_id is None, i.dimension.order if i.dimension_id else 0))
    scale = list(zip(range(SCALE_MIN, SCALE_MAX + 1), scale_labels(), strict=True))
    training = [(step, label) for (step, _), label in zip(TRAINING_CHOICES, training_labels(), strict=True)]
    fields = {}
    for number, item in enumerate(ordered, start=1):
        field = forms.TypedChoiceField(
            label=item.text,
            choices=training if item.facet_id and item.facet.slug == TRAINING else scale,
            coerce=int,
            widget=forms.RadioSelect(attrs={"class": "quiz-option-input"}),
            error_messages=ANSWER_ERRORS,
        )
        field.number = number
        # The posted strings this field takes as they are, with their value ("3" -> 3): what
        # clean() gives for them. QuizForm._clean_fields uses it to skip the general path.
        field.plain_answers = {str(value): int(str(value)) for value, _label in field.choices}
        fields[item.code] = field
    return AnswerFields(ordered, fields)


_INPUTS_MAX_AGE = 300.0  # seconds; bounds staleness where the content generation is not shared
#: Per language: (content generation, built at, items, their answer fields).
_banks: dict[str, tuple[str, float, list, AnswerFields]] = {}


def quiz_items() -> list:
    """The active statements (Item rows with dimension and facet) in the active language, read
    once per process, language and content generation (and at most every five minutes), like
    the scoring inputs: any save of an item starts a new generation. Pass them to QuizForm,
    which then reuses its fields too. The codes and their order are the same in every language."""
    language = _language()
    generation, now, hit = content_generation(), time.monotonic(), _banks.get(language)
    if hit is not None and hit[0] == generation and now - hit[1] < _INPUTS_MAX_AGE:
        return hit[2]
    items = list(Item.objects.for_form())
    _banks[language] = (generation, now, items, build_answer_fields(items))
    return items


def _answer_fields(items) -> AnswerFields:
    """The answer fields of these items: built once for the list quiz_items() gave, otherwise
    now. The fields are shared by every form of that list: validating and rendering read
    them and never change them (the form's own fields, join code and name, are copied per
    form as Django does)."""
    for hit in list(_banks.values()):
        if hit[2] is items:
            return hit[3]
    return build_answer_fields(items)


def normalise_join_code(raw: str) -> str:
    """ "abcd-efgh " -> "ABCDEFGH": upper case, without spaces or hyphens."""
    return _JOIN_CODE_SEPARATORS.sub("", raw or "").upper()


class QuizForm(forms.Form):
    """One required 1-5 answer per active item (field name = item code), and an optional class.

    ``items``: the Item rows to ask about, in order, with dimension and facet loaded
    (``Item.objects.for_form()``). ``limiter``: a JoinCodeLimiter for this client, or None.
    Codes posted for items that are not in ``items`` are ignored. After validation,
    ``answers()`` gives {code: int} and ``cohort`` the open Cohort joined, or None.
    """

    use_required_attribute = False  # the server lists every missing answer at once

    join_code = forms.CharField(
        label=gettext_lazy("Class code (optional)"),
        required=False,
        max_length=24,
        help_text=gettext_lazy("Only if a teacher or counselor gave your class a code, like ABCD-EFGH."),
    )
    display_name = forms.CharField(
        label=gettext_lazy("Your first name or initials (optional)"),
        required=False,
        max_length=40,
        help_text=gettext_lazy("Shown to your teacher or counselor next to your results. Only used with a class code."),
    )

    def __init__(self, *args, items, limiter=None, **kwargs):
        super().__init__(*args, **kwargs)
        bank = _answer_fields(items)
        self.items = bank.items
        self.limiter = limiter
        self.cohort = None
        extra = self.fields.pop("join_code"), self.fields.pop("display_name")
        self.fields.update(bank.fields)
        self.fields["join_code"], self.fields["display_name"] = extra
        self.fields["join_code"].widget.attrs.update({"class": "form-control", "autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"})
        self.fields["display_name"].widget.attrs.update({"class": "form-control", "autocomplete": "off"})
        for name in ("join_code", "display_name"):
            self.fields[name].widget.attrs["aria-describedby"] = f"{self[name].auto_id}-help"

    def full_clean(self):
        super().full_clean()
        for name in ("join_code", "display_name"):
            if name in self.errors:
                auto_id = self[name].auto_id
                self.fields[name].widget.attrs.update({"aria-invalid": "true", "aria-describedby": f"{auto_id}-help {auto_id}-error"})

    def _clean_fields(self):
        """Django's _clean_fields, with a shortcut for an answer posted as one of its choices
        ("1" to "5"): its cleaned value is that number, as TypedChoiceField.clean would give,
        without a BoundField and the general cleaning. Anything else (missing, empty, another
        value) goes the general way and gets the same errors as before."""
        data, cleaned = self.data, self.cleaned_data
        rest = []
        for name, answer_field in self.fields.items():
            plain = getattr(answer_field, "plain_answers", None)
            if plain is not None and not answer_field.disabled:
                raw = data.get(self.add_prefix(name))
                value = plain.get(raw) if isinstance(raw, str) else None
                if value is not None:
                    cleaned[name] = value
                    continue
            rest.append(name)
        for name in rest:  # Django's own loop
            bf = self[name]
            try:
                cleaned[name] = bf.field._clean_bound_field(bf)
                if hasattr(self, f"clean_{name}"):
                    cleaned[name] = getattr(self, f"clean_{name}")()
            except forms.ValidationError as e:
                self.add_error(name, e)

    @property
    def item_codes(self) -> list[str]:
        return [item.code for item in self.items]

    def stages(self) -> list[Stage]:
        """The statements grouped for display: stage 1 one section per interest dimension (in the
        dimensions' order, without naming them), stage 2 one section of work preferences."""
        groups: dict[object, list] = {}
        for item in self.items:
            groups.setdefault(item.dimension.code if item.dimension_id else "facets", []).append(self[item.code])
        total = len(groups)
        stages: dict[int, Stage] = {}
        for number, (key, bound_fields) in enumerate(groups.items(), start=1):
            stage_no = 2 if key == "facets" else 1
            stage = stages.setdefault(stage_no, Stage(stage_no, *STAGES[stage_no]))
            stage.sections.append(Section(number, total, stage_no, bound_fields))
        return [stages[n] for n in sorted(stages)]

    def answer_errors(self) -> list:
        """The statements with a missing or invalid answer, as bound fields, in form order."""
        return [self[code] for code in self.item_codes if code in self.errors]

    def clean_join_code(self) -> str:
        code = normalise_join_code(self.cleaned_data["join_code"])
        if not code:
            return ""
        if self.limiter is not None and self.limiter.is_blocked():
            raise forms.ValidationError(gettext(BLOCKED_MESSAGE), code="rate_limited")
        if not _JOIN_CODE.fullmatch(code):
            raise forms.ValidationError(
                gettext("Class codes have 8 letters and numbers, like ABCD-EFGH. Check the code, or leave it empty."),
                code="malformed",
            )
        cohort = Cohort.objects.open_with_code(code)
        if cohort is None:
            if self.limiter is not None:
                self.limiter.record_failure()
            raise forms.ValidationError(
                gettext(
                    "We couldn't find an open class with that code. Check it with your teacher or "
                    "counselor, or leave it empty to see your results without joining a class."
                ),
                code="unknown",
            )
        self.cohort = cohort
        return code

    def clean_display_name(self) -> str:
        return " ".join(self.cleaned_data["display_name"].split())

    def clean(self):
        cleaned = super().clean()
        if self.cohort is None:
            cleaned["display_name"] = ""  # a name means nothing without a class
        return cleaned

    def answers(self) -> dict[str, int]:
        """The validated answers, {item code: 1-5}."""
        return {code: self.cleaned_data[code] for code in self.item_codes}
