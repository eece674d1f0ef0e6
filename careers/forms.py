from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Field, Layout
from django import forms

from careers.models import EducationLevel, Level, Track

ANY = [("", "Any")]
SALARY_CEILING = 500_000


class SalaryField(forms.IntegerField):
    """A whole number of dollars. A number far past the ceiling is refused before the step check,
    which works in floating point and fails outright on an integer of 309 digits or more."""

    def to_python(self, value):
        number = super().to_python(value)
        if number is not None and abs(number) > SALARY_CEILING * 10:
            raise forms.ValidationError(f"Enter an amount up to ${SALARY_CEILING:,}.", code="max_value")
        return number


class RoleFilterForm(forms.Form):
    """The directory's filters and search; validates and normalises, never queries roles."""

    q = forms.CharField(label="Search roles and job titles", required=False, max_length=100, strip=True)
    track = forms.ModelChoiceField(
        label="Track", queryset=Track.objects.all(), to_field_name="slug", required=False, empty_label="Any track"
    )
    education = forms.ChoiceField(label="Education you have or plan", choices=ANY + EducationLevel.choices, required=False)
    remote = forms.ChoiceField(
        label="Remote work, at least",
        choices=ANY + [(v, label) for v, label in Level.choices if v != "none"],
        required=False,
    )
    patient_contact = forms.ChoiceField(label="Patient contact, at most", choices=ANY + Level.choices, required=False)
    salary_floor = SalaryField(
        label="Entry salary at least (USD a year)", required=False, min_value=0, max_value=SALARY_CEILING, step_size=1000
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
                '<summary class="filter-summary">Filter roles<span class="visually-hidden"> by track, education, '
                "remote work, patient contact and salary</span></summary><div class=\"pt-2\">"
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
