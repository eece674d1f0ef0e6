"""Wiring of the read-only JSON API: each app brings its own router."""

from ninja import NinjaAPI

from assessments.api import router as quiz_router
from careers.api import router as careers_router
from worksamples.api import router as icd_router

api = NinjaAPI(
    title="HIM Careers API",
    version="1",
    description=(
        "Read-only catalogue of Health Information Management roles and certifications, the fit questionnaire, "
        "and the ICD-10-CM code set (CDC/NCHS, CMS). Texts of roles, certifications and quiz statements come in "
        "English or Spanish: send `Accept-Language: es` or add `?lang=es`; `Content-Language` tells which. "
        "ICD-10-CM descriptions are the official English ones."
    ),
    urls_namespace="api",
)
api.add_router("/", careers_router)
api.add_router("/quiz/", quiz_router)
api.add_router("/icd10cm/", icd_router)
