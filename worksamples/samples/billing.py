"""Medical billing: an invented claim with four planted problems among eight items.

Services are described in words or with HCPCS Level II codes and modifiers (public, CMS);
no CPT codes or descriptors, which are the AMA's copyright.
"""

from worksamples.samples import Choice, Question, bi, grade_choices

# (label, value): the insurance card, then the claim's header.
CARD = (
    (bi("Patient", "Paciente"), bi("Jordan Lee, born 2011-07-19", "Jordan Lee, fecha de nacimiento 2011-07-19")),
    (bi("Plan", "Plan"), "Example Community Health Plan"),
    (bi("Member ID", "ID de miembro (Member ID)"), "ECH-448210-02"),
    (bi("Payer ID", "ID de la aseguradora (Payer ID)"), "EC042"),
    (bi("Coverage", "Cobertura"), bi("2026-01-01 to 2026-06-30", "2026-01-01 al 2026-06-30")),
)

CLAIM_HEADER = (
    (bi("Patient", "Paciente"), bi("Jordan Lee, born 2011-07-19", "Jordan Lee, fecha de nacimiento 2011-07-19")),
    (bi("Member ID", "ID de miembro (Member ID)"), "ECH-448210-02"),
    (bi("Payer ID", "ID de la aseguradora (Payer ID)"), "EC024"),
)

# (line, date, service, diagnosis). Diagnoses are ICD-10-CM codes with their official (English)
# descriptions in both languages; HCPCS codes keep their English descriptor.
CLAIM_LINES = (
    ("1", "2026-06-02", "Office visit, established patient", "S52.522A Torus fracture of lower end of left radius, initial encounter"),
    ("2", "2026-06-02", "L3908 wrist hand orthosis, prefabricated, off-the-shelf, modifier RT", "S52.522A Torus fracture of lower end of left radius, initial encounter"),
    ("3", "2026-06-02", "E0114 underarm crutches, pair", "J45.21 Mild intermittent asthma with (acute) exacerbation"),
    ("4", "2026-07-06", "Follow-up office visit, established patient", "S52.522D Torus fracture of lower end of left radius, subsequent encounter, routine healing"),
    ("5", "2026-06-02", "G0008 administration of influenza virus vaccine", "Z23 Encounter for immunization"),
)
# The service of each line in Spanish, same order.
SERVICES_ES = (
    "Consulta en el consultorio, paciente establecido",
    "L3908 wrist hand orthosis, prefabricated, off-the-shelf (férula de muñeca y mano, prefabricada, "
    "lista para usar), modificador RT",
    "E0114 underarm crutches, pair (muletas de axila, un par)",
    "Consulta de seguimiento en el consultorio, paciente establecido",
    "G0008 administration of influenza virus vaccine (aplicación de la vacuna contra la influenza)",
)


def claim_lines():
    """CLAIM_LINES with each service in the active language."""
    return tuple((line, date, bi(service, es), dx) for (line, date, service, dx), es in zip(CLAIM_LINES, SERVICES_ES, strict=True))


CHOICES = (
    Choice("ok", bi("Looks right", "Está bien")),
    Choice("diagnosis", bi("The diagnosis does not support the service",
                           "El diagnóstico no justifica el servicio")),
    Choice("modifier", bi("A modifier is missing or wrong", "Falta un modificador o está mal")),
    Choice("payer", bi("The payer ID is wrong", "El ID de la aseguradora está mal")),
    Choice("date", bi("The date is outside the coverage", "La fecha está fuera de la cobertura")),
)

QUESTIONS = (
    Question("patient", bi("Patient name and birth date", "Nombre y fecha de nacimiento del paciente"), "", "ok",
             bi("They match the insurance card exactly, as they must.",
                "Son iguales a los de la tarjeta del seguro, como debe ser.")),
    Question("member", bi("Member ID", "ID de miembro"), "", "ok",
             bi("It matches the card, suffix included.", "Es igual al de la tarjeta, con todo y el sufijo.")),
    Question("payer", bi("Payer ID", "ID de la aseguradora"), "", "payer",
             bi("The claim says EC024; the card says EC042. With the wrong payer ID the claim goes to "
                "the wrong place or is rejected before anyone reads it.",
                "La reclamación dice EC024; la tarjeta dice EC042. Con un ID de aseguradora equivocado, "
                "la reclamación llega al lugar equivocado o la rechazan antes de que alguien la lea.")),
    Question("line-1", bi("Line 1: office visit", "Línea 1: consulta en el consultorio"), "", "ok",
             bi("A visit for a new wrist fracture, linked to the fracture code.",
                "Una consulta por una fractura nueva de muñeca, unida al código de la fractura.")),
    Question("line-2", bi("Line 2: wrist brace", "Línea 2: férula de muñeca"), "", "modifier",
             bi("The fracture is on the left, but the brace carries RT (right side). It needs LT.",
                "La fractura es del lado izquierdo, pero la férula lleva RT (lado derecho). Necesita LT.")),
    Question("line-3", bi("Line 3: crutches", "Línea 3: muletas"), "", "diagnosis",
             bi("Crutches linked to an asthma flare make no sense to a payer: a wrist fracture does "
                "not call for crutches either, so ask the provider before billing this line at all.",
                "Para una aseguradora, unas muletas unidas a una crisis de asma no tienen sentido. Una "
                "fractura de muñeca tampoco necesita muletas, así que pregúntale al proveedor antes de "
                "facturar esta línea.")),
    Question("line-4", bi("Line 4: follow-up visit", "Línea 4: consulta de seguimiento"), "", "date",
             bi("The coverage ends 2026-06-30; a visit on 2026-07-06 is outside it. Check for new "
                "coverage before sending.",
                "La cobertura termina el 2026-06-30; una consulta el 2026-07-06 queda fuera. Revisa si "
                "hay una cobertura nueva antes de enviarla.")),
    Question("line-5", bi("Line 5: flu shot", "Línea 5: vacuna contra la influenza"), "", "ok",
             bi("A vaccine given at the visit, linked to the encounter-for-immunization code.",
                "Una vacuna aplicada en la consulta, unida al código de visita para vacunación "
                "(encounter for immunization).")),
)


def grade(answers: dict):
    return grade_choices(QUESTIONS, CHOICES, answers)
