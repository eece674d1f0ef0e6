"""Medical billing: an invented claim with four planted problems among eight items.

Services are described in words or with HCPCS Level II codes and modifiers (public, CMS);
no CPT codes or descriptors, which are the AMA's copyright.
"""

from worksamples.samples import Choice, Question, grade_choices

CARD = {
    "Patient": "Jordan Lee, born 2011-07-19",
    "Plan": "Example Community Health Plan",
    "Member ID": "ECH-448210-02",
    "Payer ID": "EC042",
    "Coverage": "2026-01-01 to 2026-06-30",
}

CLAIM_HEADER = {
    "Patient": "Jordan Lee, born 2011-07-19",
    "Member ID": "ECH-448210-02",
    "Payer ID": "EC024",
}

# (line, date, service, diagnosis)
CLAIM_LINES = (
    ("1", "2026-06-02", "Office visit, established patient", "S52.522A Torus fracture of lower end of left radius, initial encounter"),
    ("2", "2026-06-02", "L3908 wrist hand orthosis, prefabricated, off-the-shelf, modifier RT", "S52.522A Torus fracture of lower end of left radius, initial encounter"),
    ("3", "2026-06-02", "E0114 underarm crutches, pair", "J45.21 Mild intermittent asthma with (acute) exacerbation"),
    ("4", "2026-07-06", "Follow-up office visit, established patient", "S52.522D Torus fracture of lower end of left radius, subsequent encounter, routine healing"),
    ("5", "2026-06-02", "G0008 administration of influenza virus vaccine", "Z23 Encounter for immunization"),
)

CHOICES = (
    Choice("ok", "Looks right"),
    Choice("diagnosis", "The diagnosis does not support the service"),
    Choice("modifier", "A modifier is missing or wrong"),
    Choice("payer", "The payer ID is wrong"),
    Choice("date", "The date is outside the coverage"),
)

QUESTIONS = (
    Question("patient", "Patient name and birth date", "", "ok",
             "They match the insurance card exactly, as they must."),
    Question("member", "Member ID", "", "ok", "It matches the card, suffix included."),
    Question("payer", "Payer ID", "", "payer",
             "The claim says EC024; the card says EC042. With the wrong payer ID the claim goes to "
             "the wrong place or is rejected before anyone reads it."),
    Question("line-1", "Line 1: office visit", "", "ok", "A visit for a new wrist fracture, linked to the fracture code."),
    Question("line-2", "Line 2: wrist brace", "", "modifier",
             "The fracture is on the left, but the brace carries RT (right side). It needs LT."),
    Question("line-3", "Line 3: crutches", "", "diagnosis",
             "Crutches linked to an asthma flare make no sense to a payer: a wrist fracture does "
             "not call for crutches either, so ask the provider before billing this line at all."),
    Question("line-4", "Line 4: follow-up visit", "", "date",
             "The coverage ends 2026-06-30; a visit on 2026-07-06 is outside it. Check for new "
             "coverage before sending."),
    Question("line-5", "Line 5: flu shot", "", "ok",
             "A vaccine given at the visit, linked to the encounter-for-immunization code."),
)


def grade(answers: dict):
    return grade_choices(QUESTIONS, CHOICES, answers)
