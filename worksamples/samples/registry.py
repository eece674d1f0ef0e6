"""Cancer registry abstracting: six fields from an invented pathology and treatment summary.

Histology and site are asked in words: the ICD-O-3 codes registrars use are the WHO's
copyright and are not reproduced here.
"""

from dataclasses import dataclass

from worksamples.samples import NO_ANSWER, Feedback, Grade, bi

RECORD = (
    (bi("Mammogram, 2026-02-20", "Mamografía, 2026-02-20"),
     bi("A 1.8 cm irregular mass in the upper outer part of the left breast. Biopsy recommended.",
        "Una masa irregular de 1.8 cm en la parte de arriba y de afuera de la mama izquierda. Se "
        "recomienda una biopsia.")),
    (bi("Core needle biopsy, left breast, 2026-03-04", "Biopsia con aguja gruesa, mama izquierda, 2026-03-04"),
     bi("Invasive ductal carcinoma, grade 2. Estrogen receptor positive.",
        "Carcinoma ductal invasivo, grado 2. Receptor de estrógeno positivo.")),
    (bi("Oncology consult, 2026-03-12", "Consulta de oncología, 2026-03-12"),
     bi("Left breast cancer. Clinical stage group IIA as documented by the treating physician. "
        "No enlarged lymph nodes in the armpit on exam or imaging. Plan: lumpectomy, then radiation.",
        "Cáncer de mama izquierda. Grupo de estadio clínico IIA, según lo anotó el médico tratante. "
        "No hay ganglios linfáticos agrandados en la axila en el examen ni en las imágenes. Plan: "
        "lumpectomía y después radiación.")),
    (bi("Operative report, 2026-03-30", "Informe de la operación, 2026-03-30"),
     bi("Left breast lumpectomy with sentinel lymph node biopsy. The pathology report of the "
        "specimen confirms invasive ductal carcinoma with clear margins.",
        "Lumpectomía de la mama izquierda con biopsia del ganglio centinela. El informe de patología "
        "de la muestra confirma carcinoma ductal invasivo con márgenes limpios.")),
    (bi("Radiation oncology, 2026-05-04", "Oncología de radiación, 2026-05-04"),
     bi("Whole-breast radiation started on the left.", "Empezó la radiación de toda la mama izquierda.")),
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
    Field("site", bi("Primary site", "Sitio primario"),
          (("breast", bi("Breast", "Mama")), ("lymph-node", bi("Lymph node in the armpit", "Ganglio linfático de la axila")),
           ("skin", bi("Skin of the chest", "Piel del pecho")), ("unknown", bi("Unknown primary", "Sitio primario desconocido"))),
          "breast",
          bi("The cancer started in the breast; the lymph nodes were checked for spread and were clear.",
             "El cáncer empezó en la mama. Revisaron los ganglios linfáticos para ver si se había "
             "extendido, y estaban limpios.")),
    Field("laterality", bi("Laterality (which side)", "Lateralidad (de qué lado)"),
          (("left", bi("Left", "Izquierdo")), ("right", bi("Right", "Derecho")),
           ("both", bi("Both sides", "Ambos lados")), ("not-paired", bi("Not a paired organ", "No es un órgano par"))),
          "left",
          bi("Breasts are paired organs, so the side is recorded: every report says left.",
             "Las mamas son órganos pares, así que se anota el lado: todos los informes dicen izquierda.")),
    Field("histology", bi("Histology, in words", "Histología, en palabras"),
          (("ductal", bi("Invasive ductal carcinoma", "Carcinoma ductal invasivo")),
           ("lobular", bi("Invasive lobular carcinoma", "Carcinoma lobulillar invasivo")),
           ("dcis", bi("Ductal carcinoma in situ (not invasive)", "Carcinoma ductal in situ (no invasivo)")),
           ("mass", bi("Irregular mass", "Masa irregular"))),
          "ductal",
          bi("The biopsy and the surgical pathology both say invasive ductal carcinoma; "
             "'irregular mass' is an imaging finding, not a diagnosis.",
             "La biopsia y la patología de la cirugía dicen carcinoma ductal invasivo. 'Masa "
             "irregular' es algo que se vio en una imagen, no un diagnóstico.")),
    Field("diagnosis-date", bi("Date of diagnosis", "Fecha de diagnóstico"),
          (("2026-02-20", bi("2026-02-20 (mammogram)", "2026-02-20 (mamografía)")),
           ("2026-03-04", bi("2026-03-04 (biopsy)", "2026-03-04 (biopsia)")),
           ("2026-03-12", bi("2026-03-12 (oncology consult)", "2026-03-12 (consulta de oncología)")),
           ("2026-03-30", bi("2026-03-30 (surgery)", "2026-03-30 (cirugía)"))),
          "2026-03-04",
          bi("The diagnosis date is the first date the cancer was diagnosed: the biopsy. The "
             "mammogram only found a mass and asked for a biopsy.",
             "La fecha de diagnóstico es la primera fecha en que se diagnosticó el cáncer: la biopsia. "
             "La mamografía solo encontró una masa y pidió una biopsia.")),
    Field("stage", bi("Stage group, as written", "Grupo de estadio, tal como está escrito"),
          (("IIA", "IIA"), ("IA", "IA"), ("IIB", "IIB"),
           ("not-stated", bi("Not stated in the record", "No aparece en el expediente"))),
          "IIA",
          bi("Abstractors record what the physician documented: the consult says clinical stage group IIA.",
             "Quien resume el caso anota lo que escribió el médico: la consulta dice grupo de estadio "
             "clínico IIA.")),
    Field("first-treatment", bi("First treatment", "Primer tratamiento"),
          (("surgery", bi("Surgery: lumpectomy, 2026-03-30", "Cirugía: lumpectomía, 2026-03-30")),
           ("biopsy", bi("Core needle biopsy, 2026-03-04", "Biopsia con aguja gruesa, 2026-03-04")),
           ("radiation", bi("Radiation, 2026-05-04", "Radiación, 2026-05-04")),
           ("none", bi("No treatment", "Ningún tratamiento"))),
          "surgery",
          bi("A diagnostic biopsy is not treatment. The first treatment was the lumpectomy; "
             "radiation came later in the same plan.",
             "Una biopsia para diagnosticar no es un tratamiento. El primer tratamiento fue la "
             "lumpectomía; la radiación vino después, en el mismo plan.")),
)


def grade(answers: dict) -> Grade:
    items = []
    for f in FIELDS:
        labels = dict(f.choices)
        given = answers.get(f.slug, "")
        items.append(Feedback(title=f.label, correct=given == f.key, given=labels.get(given, NO_ANSWER),
                              expected=labels[f.key], why=f.why, points=int(given == f.key)))
    return Grade(tuple(items))
