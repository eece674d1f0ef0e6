"""The shape of the content files (fixtures/content/*.yaml), as pydantic models.

Loading parses every file against these models first, so a malformed file is refused with the
file and the field named, before anything is written. Cross-file rules (a role's routes give
the education it claims, ladder steps do not go down, ...) live in careers.content_checks.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from careers import models as m

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
StatusName = Literal[tuple(m.Status.values)]
LevelName = Literal[tuple(m.Level.values)]
EducationName = Literal[tuple(m.EducationLevel.values)]
CareerLevelName = Literal[tuple(m.CareerLevel.values)]
FacetName = Literal[tuple(m.Facet.values)]


def _spanish_lines_up(value, info: ValidationInfo):
    """An X_es list has as many entries as X; an X_es mapping uses only X's keys."""
    name = info.field_name or ""
    if not name.endswith("_es") or not value:
        return value
    english = info.data.get(name[:-3])
    if isinstance(value, list) and isinstance(english, list) and len(value) != len(english):
        raise ValueError(f"has {len(value)} entries but {name[:-3]} has {len(english)}; the Spanish must line up with the English")
    if isinstance(value, dict) and isinstance(english, dict) and set(value) - set(english):
        raise ValueError(f"keys {sorted(set(value) - set(english))} are not in {name[:-3]}")
    return value


class _Spanish(BaseModel):
    """Content with X_es siblings (docs: the content-file convention): each is optional at load,
    declared right after its X, and a Spanish list must line up with the English one."""

    @field_validator("*", mode="after")
    @classmethod
    def _lines_up(cls, value, info: ValidationInfo):
        return _spanish_lines_up(value, info)


class _Strict(_Spanish):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Fact(_Spanish):
    """A shown value with its status, vintage, note and sources. Extra keys (amount, min, ...)
    are allowed because some facts carry their number beside the words."""

    model_config = ConfigDict(extra="allow", str_strip_whitespace=True)

    text: str = Field(min_length=1)
    text_es: str = ""
    status: StatusName = "unconfirmed"
    year: str = ""
    year_es: str = ""
    note: str = ""
    note_es: str = ""
    sources: list[str] = []

    @field_validator("year", "year_es", "note", "note_es", mode="before")
    @classmethod
    def _text(cls, value):
        return "" if value is None else str(value)

    @model_validator(mode="after")
    def _no_unknown_spanish(self):
        extra = self.model_extra or {}
        known = set(type(self).model_fields) | set(extra)
        unknown = sorted(k for k in extra if k.endswith("_es") and k[:-3] not in known)
        if unknown:
            raise ValueError(f"Spanish keys with no English beside them: {unknown}")
        return self

    @model_validator(mode="after")
    def _derived_says_how(self):
        if self.status == "derived" and not self.note:
            raise ValueError("a derived figure needs a note saying how it was derived")
        return self

    def as_dict(self) -> dict:
        return spanish_keys(
            self, {"text": self.text, "status": self.status, "year": self.year, "note": self.note, "sources": list(self.sources)}
        )


def spanish_keys(row: BaseModel, values: dict) -> dict:
    """values with each non-empty X_es of row placed right after its X (the JSON columns keep
    the Spanish inside, as the content files do)."""
    out = {}
    for key, value in values.items():
        out[key] = value
        spanish = getattr(row, f"{key}_es", None)
        if spanish:
            out[f"{key}_es"] = spanish
    return out


class Source(_Strict):
    id: str
    title: str
    url: str = ""
    year: str = ""
    kind: str = ""

    @field_validator("url", "year", "kind", mode="before")
    @classmethod
    def _text(cls, value):
        return "" if value is None else str(value)


class Track(_Strict):
    slug: Slug
    name: str
    name_es: str = ""
    summary: str = ""
    summary_es: str = ""
    order: int = 0


class Body(_Strict):
    slug: Slug
    abbreviation: str
    name: str
    name_es: str = ""
    summary: str = ""
    summary_es: str = ""
    url: str = ""
    facts: dict[str, Fact] = {}


class Certification(_Strict):
    slug: Slug
    abbreviation: str
    name: str
    name_es: str = ""  # only for words around the credential's name ("formerly ...")
    body: Slug
    summary: str = ""
    summary_es: str = ""
    url: str = ""
    former_names: list[str] = []
    former_slugs: list[Slug] = []
    facts: dict[str, Fact] = {}
    roles: list[Slug] = []


class Duration(Fact):
    months_min: int | None = Field(default=None, ge=0)
    months_max: int | None = Field(default=None, ge=0)

    @model_validator(mode="after")
    def _ordered(self):
        if None not in (self.months_min, self.months_max) and self.months_min > self.months_max:
            raise ValueError("months_min is larger than months_max")
        return self


class Cost(Fact):
    min: int | None = Field(default=None, ge=0)
    max: int | None = Field(default=None, ge=0)


class EducationPath(_Strict):
    slug: Slug
    name: str
    name_es: str = ""
    level: EducationName
    order: int = 0
    summary: str = ""
    summary_es: str = ""
    duration: Duration
    cost: Cost
    eligible_for: list[str] = []
    eligible_for_es: list[str] = []
    not_eligible_for: list[str] = []
    not_eligible_for_es: list[str] = []
    certifications: list[Slug] = []
    roles: list[Slug] = []


class LadderStep(_Strict):
    from_: Slug = Field(alias="from")
    to: Slug
    kind: Literal["up", "sideways"]
    note: str = ""
    note_es: str = ""


class Directory(_Strict):
    slug: Slug
    name: str
    name_es: str = ""
    url: str = Field(pattern=r"^https://")
    summary: str = ""
    summary_es: str = ""
    for_all_roles: bool = False
    certifications: list[Slug] = []


class GlossaryTerm(_Strict):
    slug: Slug
    term: str
    term_es: str = ""
    expansion: str = ""
    expansion_es: str = ""
    definition: str
    definition_es: str = ""
    sources: list[str] = []


# --- roles ---------------------------------------------------------------------------------------
class LevelledFact(Fact):
    level: LevelName


class EntryEducation(Fact):
    level: EducationName


class Experience(Fact):
    months: int = Field(ge=0)


class Interests(_Strict):
    from_code: str = ""
    scores: dict[Literal["R", "I", "A", "S", "E", "C"], float]
    holland: str = ""
    status: StatusName
    synthesis: bool = False
    note: str = ""
    note_es: str = ""

    @field_validator("scores")
    @classmethod
    def _all_six(cls, scores):
        if set(scores) != set("RIASEC") or not all(1 <= v <= 7 for v in scores.values()):
            raise ValueError("needs R, I, A, S, E and C, each between 1 and 7")
        return scores


class Band(Fact):
    level: Literal["entry", "experienced", "senior"]
    amount: int = Field(ge=1000, le=1_000_000)
    text: str = ""

    @model_validator(mode="before")
    @classmethod
    def _default_text(cls, data):
        if isinstance(data, dict) and not data.get("text") and "amount" in data:
            data = {**data, "text": f"${int(data['amount']):,}"}
        return data


class Salary(_Strict):
    basis: str = ""
    basis_es: str = ""
    bands: list[Band]
    history: list[Fact] = []

    @field_validator("bands")
    @classmethod
    def _entry_first(cls, bands):
        if not any(b.level == "entry" for b in bands):
            raise ValueError("needs an entry band")
        if len({b.level for b in bands}) != len(bands):
            raise ValueError("each level may appear once")
        return bands


class Outlook(Fact):
    """BLS Employment Projections for the role's occupation."""

    occupation: str  # "29-2072 Medical records specialists"
    occupation_es: str = ""
    period: str  # "2024-34"
    employment: int | None = None
    change_pct: float | None = None
    openings: int | None = None
    parent_note: str = ""
    parent_note_es: str = ""
    bright_outlook: bool = False


class Skill(_Strict):
    text: str
    text_es: str = ""
    kind: Literal["hard", "soft"]
    sources: list[str] = []


class Tool(_Strict):
    name: str
    name_es: str = ""
    use: str
    use_es: str = ""
    sources: list[str] = []


class TechChange(Fact):
    as_of: str


class Facet(_Strict):
    level: int = Field(ge=1, le=5)
    reason: str
    reason_es: str = ""


class Onet(_Strict):
    code: str | None = None
    title: str = ""
    title_es: str = ""  # only when the title is our words, not an O*NET title
    match: str = "none"
    note: str = ""
    note_es: str = ""


class RoleCerts(_Strict):
    required: list[Slug] = []
    common: list[Slug] = []
    preferred: list[Slug] = []
    notes: dict[Slug, str] = {}  # why a listed credential needs more than this role's routes give
    notes_es: dict[Slug, str] = {}


class Role(_Strict):
    slug: Slug
    fact_id: str = ""
    name: str
    name_es: str = ""
    full_name: str = ""
    full_name_es: str = ""
    plural: str = ""
    plural_es: str = ""
    track: Slug
    order: int = 0
    level: CareerLevelName
    summary: str
    summary_es: str = ""
    typical_day: str
    typical_day_es: str = ""
    tasks: list[str] = Field(min_length=1)
    tasks_es: list[str] = []
    settings: list[str] = []
    settings_es: list[str] = []
    remote: LevelledFact
    patient_contact: dict
    entry_education: EntryEducation
    experience: Experience | None = None
    certifications: RoleCerts = RoleCerts()
    onet: Onet = Onet()
    crosswalk_note: str = ""
    crosswalk_note_es: str = ""
    interests: Interests
    salary: Salary
    outlook: Outlook | None = None
    skills: list[Skill] = []
    tools: list[Tool] = []
    tech_change: TechChange | None = None
    aliases: list[str] = []
    pros: list[str] = []
    pros_es: list[str] = []
    cons: list[str] = []
    cons_es: list[str] = []
    checklist: list[str] = []
    checklist_es: list[str] = []
    facets: dict[FacetName, Facet]

    @field_validator("facets")
    @classmethod
    def _every_facet(cls, facets):
        missing = sorted(set(m.Facet.values) - set(facets))
        if missing:
            raise ValueError(f"facets must list every facet; missing {missing}")
        return facets

    @field_validator("patient_contact")
    @classmethod
    def _contact_level(cls, value):
        if value.get("level") not in m.Level.values:
            raise ValueError(f"level must be one of {sorted(m.Level.values)}")
        return value


def describe(exc: ValidationError, where: str) -> str:
    """One line per problem: 'roles/x.yaml: salary.bands.0.amount: Input should be ...'."""
    lines = []
    for err in exc.errors():
        field = ".".join(str(p) for p in err["loc"]) or "(top level)"
        lines.append(f"{where}: {field}: {err['msg']}")
    return "\n".join(lines)
