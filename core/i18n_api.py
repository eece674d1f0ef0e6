"""The API's language parameter, declared once so the OpenAPI schema documents it on every
operation that returns texts. The language itself is chosen by core.i18n.api_languages."""

from typing import Literal

from ninja import Field, Schema

LANGUAGE_HELP = (
    "Language of the texts: 'en' (default) or 'es' (Spanish). Without it, the Accept-Language "
    "header decides (e.g. 'Accept-Language: es'). Names of credentials, codes, sources and "
    "figures are the same in both. The response's Content-Language says which was used."
)


class LanguageParams(Schema):
    lang: Literal["en", "es"] | None = Field(None, description=LANGUAGE_HELP)
