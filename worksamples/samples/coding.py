"""Medical coding: five short invented visit notes, coded on the real ICD-10-CM code set.

Grading is pure: ``grade`` takes the answers and ``entries``, a mapping from code to the facts
it needs (description, billable, and the notes of the code and its ancestors), which the caller
reads from the database in one query (worksamples.selectors.coding_entries).

The notes are in English and Spanish; codes, their descriptions and the code set's notes stay in
English (the code set is English), so the Spanish notes give the English words to search for.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from worksamples.normalise import normalise_code
from worksamples.samples import Feedback, Grade, bi

MAX_CODES = 6
# Shown on the Spanish page only: why the codes and the search are in English.
ENGLISH_CODE_SET_NOTE = (
    "En EE. UU., los codificadores trabajan con la lista de códigos ICD-10-CM y con expedientes en "
    "inglés. Por eso aquí los códigos, sus descripciones y la búsqueda están en inglés."
)
_SPLIT = re.compile(r"[\s,;]+")
_CODE = re.compile(r"^[A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?$")


@dataclass(frozen=True)
class Visit:
    slug: str
    title: str
    note: str
    key: tuple[str, ...]
    why: str


VISITS = (
    Visit("visit-1", bi("Visit 1: a fall from a scooter", "Visita 1: una caída de un scooter"),
          bi("Urgent care. 9-year-old fell from a scooter yesterday onto an outstretched left hand. "
             "Tender over the left wrist. X-ray: torus (buckle) fracture of the distal left radius, "
             "no displacement. Splint applied; follow up with orthopedics in one week.",
             "Urgencias (urgent care). Un niño de 9 años se cayó ayer de un scooter y apoyó la mano "
             "izquierda estirada. Le duele la muñeca izquierda al tocarla. Radiografía: fractura en "
             "rodete (torus o buckle fracture) del radio distal izquierdo (distal left radius), sin "
             "desplazamiento. Se le pone una férula; cita con ortopedia en una semana."),
          ("S52.522A",),
          bi("Fracture codes need the bone, the part of the bone, the kind of fracture, the side and a "
             "7th character: A for the first visit for a closed fracture. 'Distal radius' is the "
             "lower end of the radius.",
             "Los códigos de fracturas necesitan el hueso, la parte del hueso, el tipo de fractura, el "
             "lado y un 7.º carácter: A para la primera visita por una fractura cerrada. 'Distal "
             "radius' (radio distal) es la parte de abajo del radio.")),
    Visit("visit-2", bi("Visit 2: a diabetes check", "Visita 2: un control de diabetes"),
          bi("Primary care. 61-year-old with type 2 diabetes, on metformin (an oral drug), for a "
             "routine check. Labs show chronic kidney disease, stage 3a, which the doctor attributes "
             "to the diabetes. Blood pressure normal. Continue metformin, refer to nephrology.",
             "Atención primaria. Una persona de 61 años con diabetes tipo 2 (type 2 diabetes), que toma "
             "metformina (un medicamento oral), viene a un control de rutina. Los análisis muestran "
             "enfermedad renal crónica en etapa 3a (chronic kidney disease, stage 3a), que el médico "
             "atribuye a la diabetes. Presión arterial normal. Sigue con la metformina; se envía a "
             "nefrología."),
          ("E11.22", "N18.31", "Z79.84"),
          bi("The doctor links the kidney disease to the diabetes, so the combination code E11.22 "
             "applies. Its 'use additional code' note asks for the stage of the kidney disease, and "
             "category E11 asks for a code for the diabetes medicine taken long term.",
             "El médico relaciona la enfermedad renal con la diabetes, así que se usa el código "
             "combinado E11.22. Su nota 'use additional code' pide la etapa de la enfermedad renal, y "
             "la categoría E11 pide un código para el medicamento de la diabetes que se toma por "
             "mucho tiempo.")),
    Visit("visit-3", bi("Visit 3: wheezing", "Visita 3: silbidos al respirar"),
          bi("Clinic. 15-year-old with mild intermittent asthma, worse for two days after a cold, "
             "wheezing and using the rescue inhaler more often. Diagnosis: mild intermittent asthma "
             "with acute exacerbation. Short course of oral steroids.",
             "Clínica. Una persona de 15 años con asma intermitente leve (mild intermittent asthma) "
             "está peor desde hace dos días, después de un resfriado: tiene silbidos al respirar "
             "(wheezing) y usa más seguido el inhalador de rescate. Diagnóstico: asma intermitente "
             "leve con exacerbación aguda (mild intermittent asthma with acute exacerbation). "
             "Esteroides orales por pocos días."),
          ("J45.21",),
          bi("Asthma codes carry the severity (mild intermittent) and whether it is uncomplicated, "
             "an exacerbation, or status asthmaticus. This is an exacerbation.",
             "Los códigos de asma dicen la gravedad (intermitente leve) y si es sin complicaciones, "
             "una exacerbación o un estado asmático (status asthmaticus). Esto es una exacerbación.")),
    Visit("visit-4", bi("Visit 4: burning when passing urine", "Visita 4: ardor al orinar"),
          bi("Clinic. 28-year-old with burning on urination for three days. Urine culture grows "
             "E. coli. Diagnosis: urinary tract infection due to E. coli; the site is not specified. "
             "Antibiotics prescribed.",
             "Clínica. Una persona de 28 años tiene ardor al orinar desde hace tres días. En el "
             "cultivo de orina crece E. coli. Diagnóstico: infección de las vías urinarias por E. coli "
             "(urinary tract infection due to E. coli); no se dice en qué parte. Se recetan "
             "antibióticos."),
          ("N39.0", "B96.20"),
          bi("N39.0 covers a urinary tract infection whose site is not specified. Its 'use additional "
             "code' note asks for the organism, from B95-B97: here unspecified E. coli, B96.20.",
             "N39.0 es para una infección de las vías urinarias cuando no se dice en qué parte. Su nota "
             "'use additional code' pide el organismo, de B95-B97: aquí, E. coli sin especificar, "
             "B96.20.")),
    Visit("visit-5", bi("Visit 5: an earache", "Visita 5: un dolor de oído"),
          bi("Pediatrics. 4-year-old with fever and right ear pain. Exam: bulging red right eardrum "
             "with pus behind it, no perforation. Diagnosis: acute suppurative otitis media, right "
             "ear, eardrum intact. Amoxicillin.",
             "Pediatría. Un niño de 4 años con fiebre y dolor en el oído derecho. Examen: el tímpano "
             "derecho está rojo y abultado, con pus detrás, sin perforación. Diagnóstico: otitis media "
             "supurativa aguda, oído derecho, tímpano intacto (acute suppurative otitis media, right "
             "ear, eardrum intact). Amoxicilina."),
          ("H66.001",),
          bi("Ear codes record the side. 'Suppurative' (with pus) and whether the eardrum has "
             "ruptured narrow the code; 'intact' means without spontaneous rupture.",
             "Los códigos del oído anotan el lado. 'Suppurative' (supurativa, con pus) y si el tímpano "
             "se rompió hacen el código más preciso; 'intact' (intacto) quiere decir sin ruptura "
             "espontánea.")),
)


def parse_codes(text: str) -> list[str]:
    """'s52.522a, n390' -> ['S52.522A', 'N39.0']; raises ValueError naming a bad entry."""
    codes = []
    for raw in _SPLIT.split((text or "").strip()):
        if not raw:
            continue
        code = normalise_code(raw)
        if not _CODE.match(code):
            raise ValueError(_("“%(text)s” is not written like an ICD-10-CM code (for example S52.522A).")
                             % {"text": raw[:20]})
        if code not in codes:
            codes.append(code)
    if len(codes) > MAX_CODES:
        raise ValueError(_("Give at most %(max)d codes for one visit.") % {"max": MAX_CODES})
    return codes


def ancestors(code: str) -> list[str]:
    """The category and subcategories above a code, from its spelling: S52.522A -> S52, S52.5, ..."""
    head, _, tail = code.partition(".")
    return [head] + [f"{head}.{tail[:i]}" for i in range(1, len(tail))]


def codes_needed(answers: dict) -> set[str]:
    """Every code grading will look up: the keys, the answers and their ancestors."""
    codes = {c for v in VISITS for c in v.key}
    for v in VISITS:
        codes.update(answers.get(v.slug, []))
    return codes | {a for c in list(codes) for a in ancestors(c)}


def _verdict(code: str, key: tuple[str, ...], entries: dict) -> str:
    entry = entries.get(code)
    if entry is None:
        return _("%(code)s is not in the ICD-10-CM code set.") % {"code": code}
    facts = {"code": code, "description": entry["description"]}
    if code in key:
        return _("%(code)s %(description)s: right.") % facts
    if not entry["billable"]:
        return _("%(code)s %(description)s is a heading, not a billable code: it needs more characters.") % facts
    near = [k for k in key if k[:3] == code[:3]]
    if near:
        return _("%(code)s %(description)s is close, but the note points to %(near)s (%(near_description)s).") % {
            **facts, "near": near[0], "near_description": entries[near[0]]["description"]}
    return _("%(code)s %(description)s does not fit this note.") % facts


def _notes(key: tuple[str, ...], entries: dict) -> tuple[str, ...]:
    """The code set's own instructions for the answer codes and the headings above them."""
    notes = []
    for code in key:
        for name in [*ancestors(code), code]:
            entry = entries.get(name, {})
            for label, field in (("Use additional code", "use_additional_code"), ("Code also", "code_also"),
                                 ("Code first", "code_first"), ("7th character", "seven_chr_note")):
                if entry.get(field):
                    notes.append(f"{name} {label}: {entry[field]}")
            if entry.get("excludes1"):
                notes.append(f"{name} Excludes1: " + "; ".join(entry["excludes1"]))
    return tuple(dict.fromkeys(notes))


def grade(answers: dict, entries: dict) -> Grade:
    """One point per answer-key code given; other codes are explained, not taken off."""
    items = []
    for v in VISITS:
        given = answers.get(v.slug, [])
        hits = sum(1 for c in v.key if c in given)
        verdicts = [_verdict(c, v.key, entries) for c in given] or [_("No codes given.")]
        key = [f"{c} {entries[c]['description']}" if c in entries else c for c in v.key]
        items.append(Feedback(
            title=v.title, correct=hits == len(v.key) and len(given) == len(v.key),
            given=" ".join(verdicts), expected="; ".join(key),
            why=v.why, notes=_notes(v.key, entries), points=hits, out_of=len(v.key),
        ))
    return Grade(tuple(items))
