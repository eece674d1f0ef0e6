"""The counselor's cohort form."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Field, Layout
from django import forms
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from assessments.models import Cohort, new_join_code

JOIN_CODE_ATTEMPTS = 8


class JoinCodeExhausted(RuntimeError):
    """No free join code was found (practically impossible: about 1.5e11 codes)."""


class CohortForm(forms.ModelForm):
    class Meta:
        model = Cohort
        fields = ["name"]
        labels = {"name": gettext_lazy("Cohort name")}
        help_texts = {"name": gettext_lazy("For example \"Period 3 Health Careers, fall 2026\". Students see only the join code.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Rendered by crispy-forms (bootstrap5 pack): label, help and error tied to the input by
        # aria-describedby, aria-invalid on error. The page supplies the <form> and buttons.
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True  # the page's <form> carries the token
        self.helper.layout = Layout(Field("name", autocomplete="off"))

    def full_clean(self):
        super().full_clean()
        if "name" in self.errors:
            self.fields["name"].widget.attrs["autofocus"] = True

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(_("Give the cohort a name."))
        return name

    def save(self, *, counselor) -> Cohort:
        """Save the cohort for `counselor` with a fresh join code, drawing again on a collision."""
        cohort = self.instance
        cohort.counselor = counselor
        for _attempt in range(JOIN_CODE_ATTEMPTS):
            code = new_join_code()
            if Cohort.objects.filter(join_code=code).exists():
                continue
            cohort.join_code = code
            try:
                with transaction.atomic():
                    cohort.save()
            except IntegrityError:  # taken between the check and the insert
                cohort.pk = None
                continue
            return cohort
        raise JoinCodeExhausted(_("Could not find a free join code; try again."))
