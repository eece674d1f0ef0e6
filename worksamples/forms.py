"""Forms for the work samples: they validate and normalise answers, never grade or save."""

import re

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from worksamples.samples import billing, coding, registry, release

_TOKEN = re.compile(r"([A-Za-z0-9_-]{43})/?(?:print/?)?$")


class CodingForm(forms.Form):
    q = forms.CharField(label=gettext_lazy("Search the code set"), required=False, max_length=200,
                        help_text=gettext_lazy("Words from the note, like “torus fracture left radius”, or the start of a code."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for v in coding.VISITS:
            self.fields[v.slug] = forms.CharField(
                label=_("Diagnosis codes for %(visit)s") % {"visit": v.title.split(":")[0].lower()},
                required=False, max_length=120,
                help_text=_("Separate codes with commas, like S52.522A, E11.9."))

    def visit_fields(self):
        return [(v, self[v.slug]) for v in coding.VISITS]

    def clean(self):
        data = super().clean()
        for v in coding.VISITS:
            try:
                data[v.slug] = coding.parse_codes(data.get(v.slug, ""))
            except ValueError as e:
                self.add_error(v.slug, str(e))
        return data

    def answers(self) -> dict:
        return {v.slug: self.cleaned_data[v.slug] for v in coding.VISITS}


class _ChoiceForm(forms.Form):
    """One required radio question per item of the sample."""

    module = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for q in self.questions():
            self.fields[q.slug] = forms.ChoiceField(
                label=q.title, choices=self.choices_for(q), widget=forms.RadioSelect,
                error_messages={"required": _("Choose an answer for “%(question)s”.") % {"question": q.title}})

    def questions(self):
        return self.module.QUESTIONS

    def choices_for(self, q):
        return [(c.value, c.label) for c in self.module.CHOICES]

    def bound_questions(self):
        return [(q, self[q.slug]) for q in self.questions()]

    def answers(self) -> dict:
        return {q.slug: self.cleaned_data[q.slug] for q in self.questions()}


class BillingForm(_ChoiceForm):
    module = billing


class ReleaseForm(_ChoiceForm):
    module = release


class RegistryForm(_ChoiceForm):
    module = registry

    def questions(self):
        return registry.FIELDS

    def choices_for(self, q):
        return list(q.choices)


FORMS = {"coding": CodingForm, "billing": BillingForm, "release": ReleaseForm, "registry": RegistryForm}


class EnjoymentForm(forms.Form):
    enjoyment = forms.TypedChoiceField(
        label=gettext_lazy("Did you enjoy it?"), coerce=int, widget=forms.RadioSelect,
        choices=[(1, gettext_lazy("1 – not at all")), (2, "2"), (3, gettext_lazy("3 – it was OK")), (4, "4"),
                 (5, gettext_lazy("5 – very much"))],
        error_messages={"required": gettext_lazy("Choose how much you enjoyed it, from 1 to 5.")})


class AttachForm(forms.Form):
    link = forms.CharField(label=gettext_lazy("Your quiz results link"), max_length=300,
                           help_text=gettext_lazy("Paste the private link from your quiz results page."))

    def clean_link(self) -> str:
        match = _TOKEN.search(self.cleaned_data["link"].strip())
        if not match:
            raise forms.ValidationError(
                _("That doesn't look like a results link. Copy the whole address from your results page."))
        return match.group(1)
