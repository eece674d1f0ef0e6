from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Field, Layout
from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from careers.models import EducationLevel, Level, Track

ANY = [("", _("Any"))]
SALARY_CEILING = 500_000


class SalaryField(forms.IntegerField):
    """A whole number of dollars. A number far past the ceiling is refused before the step check,
    which works in floating point and fails outright on an integer of 309 digits or more."""

    # Django's own wording in English; ours (with "tú") in Spanish.
    default_error_messages = {
        "invalid": _("Enter a whole number."),
        "min_value": _("Ensure this value is greater than or equal to %(limit_value)s."),
        "max_value": _("Ensure this value is less than or equal to %(limit_value)s."),
        "step_size": _("Ensure this value is a multiple of step size %(limit_value)s."),
    }

    def to_python(self, value):
        number = super().to_python(value)
        if number is not None and abs(number) > SALARY_CEILING * 10:
            raise forms.ValidationError(
                _("Enter an amount up to %(ceiling)s."), code="max_value", params={"ceiling": f"${SALARY_CEILING:,}"}
            )
        return number


class RoleFilterForm(forms.Form):
    """The directory's filters and search; validates and normalises, never queries roles."""

    q = forms.CharField(label=_("Search roles and job titles"), required=False, max_length=100, strip=True)
    track = forms.ModelChoiceField(
        label=_("Track"), queryset=Track.objects.all(), to_field_name="slug", required=False, empty_label=_("Any track")
    )
    education = forms.ChoiceField(label=_("Education you have or plan"), choices=ANY + EducationLevel.choices, required=False)
    remote = forms.ChoiceField(
        label=_("Remote work, at least"),
        choices=ANY + [(v, label) for v, label in Level.choices if v != "none"],
        required=False,
    )
    patient_contact = forms.ChoiceField(label=_("Patient contact, at most"), choices=ANY + Level.choices, required=False)
    salary_floor = SalaryField(
        label=_("Entry salary at least (USD a year)"), required=False, min_value=0, max_value=SALARY_CEILING, step_size=1000
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.input_type = "search"
        # Rendered by crispy-forms: the search stays in view; the other filters fold into
        # "Filter roles", open on wide screens (site.js) and whenever one is in use or wrong.
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True  # a GET form: no token, so browsing sets no cookie
        self.helper.layout = Layout(
            Field("q"),
            HTML(
                '<details class="filter-more mb-3" data-open-wide{% if form.is_filtered or form.errors %} open{% endif %}>'
                + format_html(
                    '<summary class="filter-summary">{}<span class="visually-hidden"> {}</span></summary><div class="pt-2">',
                    gettext("Filter roles"),
                    gettext("by track, education, remote work, patient contact and salary"),
                )
            ),
            *[Field(name) for name in self.fields if name != "q"],
            HTML("</div></details>"),
        )

    def clean_q(self):
        return " ".join(self.cleaned_data["q"].split())

    def filters(self) -> dict:
        """The valid filters as keyword arguments for RoleQuerySet.matching()."""
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        return {
            "track": data["track"].slug if data.get("track") else None,
            "education": data.get("education") or None,
            "remote": data.get("remote") or None,
            "patient_contact": data.get("patient_contact") or None,
            "salary_floor": data.get("salary_floor") or None,
        }

    @property
    def query(self) -> str:
        return self.cleaned_data.get("q", "") if self.is_bound and self.is_valid() else ""

    @property
    def is_filtered(self) -> bool:
        return bool(self.query or any(self.filters().values()))
