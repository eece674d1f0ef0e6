"""Wiring of the read-only JSON API: each app brings its own router."""

from ninja import NinjaAPI

from assessments.api import router as quiz_router
from careers.api import router as careers_router

api = NinjaAPI(
    title="HIM Careers API",
    version="1",
    description="Read-only catalogue of Health Information Management roles and certifications, and the fit questionnaire.",
    urls_namespace="api",
)
api.add_router("/", careers_router)
api.add_router("/quiz/", quiz_router)
