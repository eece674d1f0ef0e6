"""The career map's no-JavaScript filters: the GET form that reads them (one canonical query
string per choice, so the page cache holds a bounded number of copies) and the rules that
decide which roles they dim."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from careers.career_map import MapRole, Mark

ON = "1"
FLAGS = ("no_patient_contact", "remote", "within_year")


class MapFilterForm(forms.Form):
    """Validates the map's query string; `tracks` are the (slug, name) pairs the map shows."""

    track = forms.ChoiceField(label=gettext_lazy("Track"), required=False)
    no_patient_contact = forms.ChoiceField(label=gettext_lazy("No patient contact"), choices=[(ON, "on")], required=False)
    remote = forms.ChoiceField(
        label=gettext_lazy("Remote-friendly (often or sometimes from home)"), choices=[(ON, "on")], required=False
    )
    within_year = forms.ChoiceField(
        label=gettext_lazy("Start within a year (training of 12 months or less)"), choices=[(ON, "on")], required=False
    )

    def __init__(self, data, *, tracks: Iterable[tuple[str, str]]):
        super().__init__(data)
        self.fields["track"].choices = [("", _("All tracks")), *tracks]
        self.fields["track"].error_messages["invalid_choice"] = _(
            "We don't know the track “%(value)s”, so no track is picked: choose one from the list."
        )
        for name in FLAGS:
            # %(value)s stays a placeholder: the field fills it in when it raises the error.
            self.fields[name].error_messages["invalid_choice"] = _(
                "“%(value)s” is not a setting for “%(filter)s”: tick the box to turn it on."
            ) % {"value": "%(value)s", "filter": self.fields[name].label}

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs.update({"aria-invalid": "true", "aria-describedby": f"id_{name}-error"})

    def filters(self) -> MapFilters:
        """The valid filters (none when the form is invalid)."""
        if not self.is_valid():
            return MapFilters()
        data = self.cleaned_data
        return MapFilters(data["track"], *(data[name] == ON for name in FLAGS))

    def canonical_query(self) -> str:
        """The one query string for these filters: known keys, in a fixed order, no blanks."""
        f = self.filters()
        pairs = [("track", f.track)] if f.track else []
        pairs += [(name, ON) for name in FLAGS if getattr(f, name)]
        return urlencode(pairs)

# --- filters and overlays ------------------------------------------------------------------------
REMOTE_FRIENDLY = {"moderate", "high"}
WITHIN_A_YEAR = 12  # months


@dataclass(frozen=True)
class MapFilters:
    """What a visitor asked the map to keep bright; everything else is dimmed."""

    track: str = ""
    no_patient_contact: bool = False
    remote: bool = False
    within_year: bool = False

    @property
    def active(self) -> bool:
        return bool(self.track or self.no_patient_contact or self.remote or self.within_year)

    def misses(self, role: MapRole) -> list[str]:
        """The filters this role does not meet, in words (empty when it fits)."""
        missed = []
        if self.track and role.track != self.track:
            missed.append(_("in another track"))
        if self.no_patient_contact and role.patient_contact_level != "none":
            missed.append(_("involves patient contact"))
        if self.remote and role.remote_level not in REMOTE_FRIENDLY:
            missed.append(_("rarely remote"))
        if self.within_year and (role.months is None or role.months > WITHIN_A_YEAR):
            missed.append(_("takes more than a year to start"))
        return missed


def filter_marks(roles: Iterable[MapRole], filters: MapFilters) -> dict[str, Mark]:
    """A dimming Mark for every role the filters leave out, saying why."""
    marks = {}
    for role in roles:
        missed = filters.misses(role)
        if missed:
            marks[role.slug] = Mark(dimmed=True, words=_("Does not fit your filters: %(reasons)s") % {"reasons": ", ".join(missed)})
    return marks


def merge_marks(*layers: Mapping[str, Mark]) -> dict[str, Mark]:
    """Combine overlays: dimmed or highlighted if any layer says so; labels and words joined."""
    merged: dict[str, Mark] = {}
    for layer in layers:
        for slug, mark in layer.items():
            old = merged.get(slug)
            if old is None:
                merged[slug] = mark
                continue
            merged[slug] = Mark(
                highlight=old.highlight or mark.highlight,
                dimmed=old.dimmed or mark.dimmed,
                label=" · ".join(t for t in (old.label, mark.label) if t),
                words=". ".join(t for t in (old.words, mark.words) if t),
            )
    return merged
