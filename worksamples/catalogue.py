"""What each work sample is, how long it takes, and which roles it tells you about (English and Spanish)."""

from dataclasses import dataclass

from worksamples.models import Sample
from worksamples.samples import bi, billing, coding, registry, release


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
        Sample.CODING, bi("Code five visits", "Codifica cinco visitas"), bi("Medical coder", "Codificador médico"),
        bi("10 minutes", "10 minutos"),
        bi("Read five short visit notes and find their diagnosis codes in the real ICD-10-CM code set.",
           "Lee cinco notas cortas de visitas y busca sus códigos de diagnóstico en la lista real de "
           "códigos ICD-10-CM."),
        bi("Coders do this all day: they read the doctor's notes, choose the most specific codes the "
           "record supports, follow the code set's instructions, and ask the doctor when the note is "
           "unclear. Speed comes with practice; accuracy is what employers check.",
           "Los codificadores hacen esto todo el día: leen las notas del médico, eligen los códigos más "
           "precisos que el expediente respalda, siguen las instrucciones de la lista de códigos y le "
           "preguntan al médico cuando la nota no es clara. La rapidez llega con la práctica; lo que "
           "revisan los empleadores es la precisión."),
        coding,
    ),
    Sample.BILLING: SampleInfo(
        Sample.BILLING, bi("Check a claim", "Revisa una reclamación"), bi("Medical biller", "Facturador médico"),
        bi("5–10 minutes", "5–10 minutos"),
        bi("Compare a claim with the patient's insurance card and find the problems before it goes out.",
           "Compara una reclamación con la tarjeta del seguro del paciente y encuentra los problemas "
           "antes de enviarla."),
        bi("Billers check claims like this before they are sent, fix what the payer would reject, "
           "work denials when they come back, and call payers and patients about balances.",
           "Los facturadores revisan reclamaciones como esta antes de enviarlas, corrigen lo que la "
           "aseguradora rechazaría, resuelven los rechazos cuando regresan y llaman a las aseguradoras "
           "y a los pacientes por los saldos pendientes."),
        billing,
    ),
    Sample.RELEASE: SampleInfo(
        Sample.RELEASE, bi("Answer six requests for records", "Responde seis solicitudes de expedientes"),
        bi("Release of information specialist", "Especialista en divulgación de información (ROI)"),
        bi("5–10 minutes", "5–10 minutos"),
        bi("Decide whether each request can be released, needs the patient's authorization, or must be refused.",
           "Decide si cada solicitud se puede entregar, si necesita la autorización del paciente o si "
           "se debe rechazar."),
        bi("Release of information specialists and health information technicians handle requests "
           "like these every day: they check identity and authorizations, send only what the rule "
           "allows, and log each disclosure.",
           "Los especialistas en divulgación de información y los técnicos de información de salud "
           "atienden solicitudes como estas todos los días: revisan la identidad y las autorizaciones, "
           "envían solo lo que la regla permite y registran cada entrega."),
        release,
    ),
    Sample.REGISTRY: SampleInfo(
        Sample.REGISTRY, bi("Abstract a cancer case", "Resume un caso de cáncer"),
        bi("Cancer registrar", "Registrador de cáncer"), bi("10 minutes", "10 minutos"),
        bi("Read a short, invented pathology and treatment summary and fill in six registry fields.",
           "Lee un resumen corto e inventado de patología y tratamiento, y llena seis campos del registro."),
        bi("Cancer registrars abstract each new case from the record into dozens of fields, follow "
           "the patients for years, and send the data to state and national registries used for "
           "research and cancer control.",
           "Los registradores de cáncer resumen cada caso nuevo del expediente en decenas de campos, "
           "siguen a los pacientes durante años y envían los datos a registros estatales y nacionales "
           "que se usan para la investigación y el control del cáncer."),
        registry,
    ),
}


def sample_info(slug: str) -> SampleInfo | None:
    return SAMPLES.get(slug)
