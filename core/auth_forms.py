"""The sign-in forms (the counselors' page and the admin's), with a limit per client address.

django-axes locks out one username at one address (AXES_LOCKOUT_PARAMETERS), so failures from
one place never lock the real counselor out elsewhere. That alone would let one address try a
common password against every username ("password spraying"): these forms also stop an address
after SIGN_IN_ADDRESS_LIMIT failures, whatever the usernames, for SIGN_IN_ADDRESS_WINDOW seconds.
"""

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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = self.fields["username"].max_length or 150
        self.fields["username"].validators.append(MaxLengthValidator(limit))


class AdminSignInForm(AddressLimitMixin, AdminAuthenticationForm):
    """The admin's sign-in form under the same per-address limit."""
