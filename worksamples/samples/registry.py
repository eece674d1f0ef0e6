"""Cancer registry abstracting: six fields from an invented pathology and treatment summary.

Histology and site are asked in words: the ICD-O-3 codes registrars use are the WHO's
copyright and are not reproduced here.
"""

from dataclasses import dataclass

from worksamples.samples import Feedback, Grade

RECORD = (
    ("Mammogram, 2026-02-20",
     "A 1.8 cm irregular mass in the upper outer part of the left breast. Biopsy recommended."),
    ("Core needle biopsy, left breast, 2026-03-04",
     "Invasive ductal carcinoma, grade 2. Estrogen receptor positive."),
    ("Oncology consult, 2026-03-12",
     "Left breast cancer. Clinical stage group IIA as documented by the treating physician. "
     "No enlarged lymph nodes in the armpit on exam or imaging. Plan: lumpectomy, then radiation."),
    ("Operative report, 2026-03-30",
     "Left breast lumpectomy with sentinel lymph node biopsy. The pathology report of the "
     "specimen confirms invasive ductal carcinoma with clear margins."),
    ("Radiation oncology, 2026-05-04", "Whole-breast radiation started on the left."),
)


@dataclass(frozen=True)
class Field:
    slug: str
    label: str
    choices: tuple[tuple[str, str], ...]
    key: str
    why: str

    @property
    def title(self) -> str:
        return self.label


FIELDS = (
    Field("site", "Primary site", (("breast", "Breast"), ("lymph-node", "Lymph node in the armpit"),
          ("skin", "Skin of the chest"), ("unknown", "Unknown primary")), "breast",
          "The cancer started in the breast; the lymph nodes were checked for spread and were clear."),
    Field("laterality", "Laterality (which side)", (("left", "Left"), ("right", "Right"),
          ("both", "Both sides"), ("not-paired", "Not a paired organ")), "left",
          "Breasts are paired organs, so the side is recorded: every report says left."),
    Field("histology", "Histology, in words", (("ductal", "Invasive ductal carcinoma"),
          ("lobular", "Invasive lobular carcinoma"), ("dcis", "Ductal carcinoma in situ (not invasive)"),
          ("mass", "Irregular mass")), "ductal",
          "The biopsy and the surgical pathology both say invasive ductal carcinoma; "
          "'irregular mass' is an imaging finding, not a diagnosis."),
    Field("diagnosis-date", "Date of diagnosis", (("2026-02-20", "2026-02-20 (mammogram)"),
          ("2026-03-04", "2026-03-04 (biopsy)"), ("2026-03-12", "2026-03-12 (oncology consult)"),
          ("2026-03-30", "2026-03-30 (surgery)")), "2026-03-04",
          "The diagnosis date is the first date the cancer was diagnosed: the biopsy. The "
          "mammogram only found a mass and asked for a biopsy."),
    Field("stage", "Stage group, as written", (("IIA", "IIA"), ("IA", "IA"), ("IIB", "IIB"),
          ("not-stated", "Not stated in the record")), "IIA",
          "Abstractors record what the physician documented: the consult says clinical stage group IIA."),
    Field("first-treatment", "First treatment", (("surgery", "Surgery: lumpectomy, 2026-03-30"),
          ("biopsy", "Core needle biopsy, 2026-03-04"), ("radiation", "Radiation, 2026-05-04"),
          ("none", "No treatment")), "surgery",
          "A diagnostic biopsy is not treatment. The first treatment was the lumpectomy; "
          "radiation came later in the same plan."),
)


def grade(answers: dict) -> Grade:
    items = []
    for f in FIELDS:
        labels = dict(f.choices)
        given = answers.get(f.slug, "")
        items.append(Feedback(title=f.label, correct=given == f.key, given=labels.get(given, "No answer"),
                              expected=labels[f.key], why=f.why, points=int(given == f.key)))
    return Grade(tuple(items))
