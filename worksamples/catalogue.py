"""What each work sample is, how long it takes, and which roles it tells you about."""

from dataclasses import dataclass

from worksamples.models import Sample
from worksamples.samples import billing, coding, registry, release


@dataclass(frozen=True)
class SampleInfo:
    slug: str
    title: str
    job: str
    minutes: str
    summary: str
    job_use: str  # what people in the job do with this skill
    module: object


SAMPLES = {
    Sample.CODING: SampleInfo(
        Sample.CODING, "Code five visits", "Medical coder", "10 minutes",
        "Read five short visit notes and find their diagnosis codes in the real ICD-10-CM code set.",
        "Coders do this all day: they read the doctor's notes, choose the most specific codes the "
        "record supports, follow the code set's instructions, and ask the doctor when the note is "
        "unclear. Speed comes with practice; accuracy is what employers check.",
        coding,
    ),
    Sample.BILLING: SampleInfo(
        Sample.BILLING, "Check a claim", "Medical biller", "5–10 minutes",
        "Compare a claim with the patient's insurance card and find the problems before it goes out.",
        "Billers check claims like this before they are sent, fix what the payer would reject, "
        "work denials when they come back, and call payers and patients about balances.",
        billing,
    ),
    Sample.RELEASE: SampleInfo(
        Sample.RELEASE, "Answer six requests for records", "Release of information specialist", "5–10 minutes",
        "Decide whether each request can be released, needs the patient's authorization, or must be refused.",
        "Release of information specialists and health information technicians handle requests "
        "like these every day: they check identity and authorizations, send only what the rule "
        "allows, and log each disclosure.",
        release,
    ),
    Sample.REGISTRY: SampleInfo(
        Sample.REGISTRY, "Abstract a cancer case", "Cancer registrar", "10 minutes",
        "Read a short, invented pathology and treatment summary and fill in six registry fields.",
        "Cancer registrars abstract each new case from the record into dozens of fields, follow "
        "the patients for years, and send the data to state and national registries used for "
        "research and cancer control.",
        registry,
    ),
}


def sample_info(slug: str) -> SampleInfo | None:
    return SAMPLES.get(slug)
