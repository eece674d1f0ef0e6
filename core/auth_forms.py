"""The sign-in forms (the counselors' page and the admin's), with a limit per client address.

django-axes locks out one username at one address (AXES_LOCKOUT_PARAMETERS), so failures from
one place never lock the real counselor out elsewhere. That alone would let one address try a
common password against every username ("password spraying"): these forms also stop an address
after SIGN_IN_ADDRESS_LIMIT failures, whatever the usernames, for SIGN_IN_ADDRESS_WINDOW seconds.
"""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Field, Layout
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator

from core.ratelimit import FailureWindow

ADDRESS_BLOCKED = "Too many failed sign-ins from this network. Wait a few minutes and try again."


class AddressLimitMixin:
    def clean(self):
        window = FailureWindow.for_request(
            "sign-in", self.request, limit=settings.SIGN_IN_ADDRESS_LIMIT, window=settings.SIGN_IN_ADDRESS_WINDOW
        )
        if window.is_blocked():
            raise ValidationError(ADDRESS_BLOCKED, code="address_blocked")
        try:
            return super().clean()
        except ValidationError:
            window.record_failure()
            raise


class SignInForm(AddressLimitMixin, AuthenticationForm):
    """Django's sign-in form, with the username's length enforced before anything looks it up
    (the lockout records store at most 255 characters)."""

    errors_id = "login-error"  # the announced message both fields point to after a failure

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = self.fields["username"].max_length or 150
        self.fields["username"].validators.append(MaxLengthValidator(limit))
        # Rendered by crispy-forms; the page supplies the <form>, the next field and the button.
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True  # the page's <form> carries the token
        self.helper.layout = Layout(Field("username", autocapitalize="none"), Field("password"))

    def full_clean(self):
        super().full_clean()
        if self.non_field_errors():
            for field in self.fields.values():
                field.widget.attrs["aria-describedby"] = self.errors_id


class AdminSignInForm(AddressLimitMixin, AdminAuthenticationForm):
    """The admin's sign-in form under the same per-address limit."""
