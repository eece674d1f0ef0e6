"""Medical coding: five short invented visit notes, coded on the real ICD-10-CM code set.

Grading is pure: ``grade`` takes the answers and ``entries``, a mapping from code to the facts
it needs (description, billable, and the notes of the code and its ancestors), which the caller
reads from the database in one query (worksamples.selectors.coding_entries).
"""

import re
from dataclasses import dataclass

from worksamples.normalise import normalise_code
from worksamples.samples import Feedback, Grade

MAX_CODES = 6
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
    Visit("visit-1", "Visit 1: a fall from a scooter",
          "Urgent care. 9-year-old fell from a scooter yesterday onto an outstretched left hand. "
          "Tender over the left wrist. X-ray: torus (buckle) fracture of the distal left radius, "
          "no displacement. Splint applied; follow up with orthopedics in one week.",
          ("S52.522A",),
          "Fracture codes need the bone, the part of the bone, the kind of fracture, the side and a "
          "7th character: A for the first visit for a closed fracture. 'Distal radius' is the "
          "lower end of the radius."),
    Visit("visit-2", "Visit 2: a diabetes check",
          "Primary care. 61-year-old with type 2 diabetes, on metformin (an oral drug), for a "
          "routine check. Labs show chronic kidney disease, stage 3a, which the doctor attributes "
          "to the diabetes. Blood pressure normal. Continue metformin, refer to nephrology.",
          ("E11.22", "N18.31", "Z79.84"),
          "The doctor links the kidney disease to the diabetes, so the combination code E11.22 "
          "applies. Its 'use additional code' note asks for the stage of the kidney disease, and "
          "category E11 asks for a code for the diabetes medicine taken long term."),
    Visit("visit-3", "Visit 3: wheezing",
          "Clinic. 15-year-old with mild intermittent asthma, worse for two days after a cold, "
          "wheezing and using the rescue inhaler more often. Diagnosis: mild intermittent asthma "
          "with acute exacerbation. Short course of oral steroids.",
          ("J45.21",),
          "Asthma codes carry the severity (mild intermittent) and whether it is uncomplicated, "
          "an exacerbation, or status asthmaticus. This is an exacerbation."),
    Visit("visit-4", "Visit 4: burning when passing urine",
          "Clinic. 28-year-old with burning on urination for three days. Urine culture grows "
          "E. coli. Diagnosis: urinary tract infection due to E. coli; the site is not specified. "
          "Antibiotics prescribed.",
          ("N39.0", "B96.20"),
          "N39.0 covers a urinary tract infection whose site is not specified. Its 'use additional "
          "code' note asks for the organism, from B95-B97: here unspecified E. coli, B96.20."),
    Visit("visit-5", "Visit 5: an earache",
          "Pediatrics. 4-year-old with fever and right ear pain. Exam: bulging red right eardrum "
          "with pus behind it, no perforation. Diagnosis: acute suppurative otitis media, right "
          "ear, eardrum intact. Amoxicillin.",
          ("H66.001",),
          "Ear codes record the side. 'Suppurative' (with pus) and whether the eardrum has "
          "ruptured narrow the code; 'intact' means without spontaneous rupture."),
)


def parse_codes(text: str) -> list[str]:
    """'s52.522a, n390' -> ['S52.522A', 'N39.0']; raises ValueError naming a bad entry."""
    codes = []
    for raw in _SPLIT.split((text or "").strip()):
        if not raw:
            continue
        code = normalise_code(raw)
        if not _CODE.match(code):
            raise ValueError(f"“{raw[:20]}” is not written like an ICD-10-CM code (for example S52.522A).")
        if code not in codes:
            codes.append(code)
    if len(codes) > MAX_CODES:
        raise ValueError(f"Give at most {MAX_CODES} codes for one visit.")
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
        return f"{code} is not in the ICD-10-CM code set."
    if code in key:
        return f"{code} {entry['description']}: right."
    if not entry["billable"]:
        return f"{code} {entry['description']} is a heading, not a billable code: it needs more characters."
    near = [k for k in key if k[:3] == code[:3]]
    if near:
        return f"{code} {entry['description']} is close, but the note points to {near[0]} ({entries[near[0]]['description']})."
    return f"{code} {entry['description']} does not fit this note."


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
        verdicts = [_verdict(c, v.key, entries) for c in given] or ["No codes given."]
        key = [f"{c} {entries[c]['description']}" if c in entries else c for c in v.key]
        items.append(Feedback(
            title=v.title, correct=hits == len(v.key) and len(given) == len(v.key),
            given=" ".join(verdicts), expected="; ".join(key),
            why=v.why, notes=_notes(v.key, entries), points=hits, out_of=len(v.key),
        ))
    return Grade(tuple(items))
