from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from careers import views as careers_views
from core.auth_forms import AdminSignInForm, SignInForm
from core.i18n import switch_language
from himcareers.api import api

# The API, the admin and the language switch first: they are unprefixed, and resolving them
# before the ~40 page patterns saves the API that many failed matches per request.
urlpatterns = [
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
    path("language/<str:code>/", switch_language, name="switch_language"),
]

# Pages: English unprefixed, Spanish under /es/ (core/i18n.py).
urlpatterns += i18n_patterns(
    path("", careers_views.home, name="home"),
    path("", include("careers.urls")),
    path("", include("assessments.urls")),
    path("", include("worksamples.urls")),
    path("accounts/login/", auth_views.LoginView.as_view(template_name="registration/login.html", authentication_form=SignInForm), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    # Invitations: create_counselor --invite prints a one-time link to choose a password.
    path(
        "accounts/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("accounts/reset/done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    prefix_default_language=False,
)

admin.site.login_form = AdminSignInForm  # the per-address sign-in limit covers the admin too

handler400 = "core.views.bad_request"
handler403 = "core.views.permission_denied"
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
