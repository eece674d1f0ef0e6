"""Search latency on the real ICD-10-CM code set: ~200 realistic queries, p50/p95/p99.

Run after `manage.py load_icd10cm` (uses DATABASE_URL, SQLite by default):
    DEBUG=1 .venv/bin/python bench/bench_icd_search.py
Target: 95% of queries under 50 ms. Not a test: numbers depend on the machine.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "himcareers.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from worksamples.models import IcdEntry  # noqa: E402

CONDITIONS = [
    "fracture of left wrist", "torus fracture left radius", "type 2 diabetes with chronic kidney disease",
    "mild intermittent asthma exacerbation", "urinary tract infection", "e coli", "acute otitis media right ear",
    "essential hypertension", "chest pain", "low back pain", "migraine without aura", "major depressive disorder",
    "generalized anxiety disorder", "pneumonia", "acute bronchitis", "covid-19", "sepsis", "heart failure",
    "atrial fibrillation", "hyperlipidemia", "obesity", "vitamin d deficiency", "iron deficiency anemia",
    "sprain of right ankle", "laceration of finger", "concussion", "gastroesophageal reflux", "appendicitis",
    "cholecystitis", "kidney stone", "breast cancer left", "prostate cancer", "lung cancer", "melanoma",
    "pregnancy supervision", "gestational diabetes", "encounter for immunization", "well child visit",
    "dog bite", "burn of hand", "osteoarthritis of knee", "rheumatoid arthritis", "gout", "cellulitis of leg",
    "pressure ulcer sacral", "dementia", "parkinson disease", "epilepsy", "stroke", "copd exacerbation",
    "sleep apnea", "hypothyroidism", "chronic kidney disease stage 3a", "dehydration", "nausea and vomiting",
    "headache", "fever", "cough", "rash", "allergic rhinitis", "conjunctivitis", "cataract", "glaucoma",
    "hearing loss", "tinnitus", "carpal tunnel syndrome", "plantar fasciitis", "rotator cuff tear", "hip fracture",
    "femur fracture", "long term use of insulin", "nicotine dependence", "alcohol use disorder", "opioid dependence",
    "adhd", "autism", "otitis externa", "strep throat", "influenza", "hepatitis c", "hiv", "tuberculosis",
    "urinary incontinence", "benign prostatic hyperplasia", "endometriosis", "menopause", "infertility",
    "anemia in chronic kidney disease", "diabetic retinopathy", "diabetic foot ulcer", "peripheral neuropathy",
    "deep vein thrombosis", "pulmonary embolism", "angina", "myocardial infarction", "aortic stenosis",
]
CODES = ["S52", "s62.1", "E11.2", "J45", "N39.0", "I10", "Z23", "M54.5", "F32", "C50.91"]


def queries() -> list[str]:
    out = list(CONDITIONS) + CODES
    out += [q.split()[0] for q in CONDITIONS[:50]]  # one-word searches, the broadest
    out += [q.upper() for q in CONDITIONS[:40]]
    return out[:200]


def main() -> None:
    count = IcdEntry.objects.count()
    if count < 90000:
        sys.exit(f"Load the code set first (manage.py load_icd10cm): {count} entries found.")
    qs = queries()
    for q in qs[:10]:  # warm the caches
        IcdEntry.objects.search(q)
    times = []
    for q in qs:
        started = time.perf_counter()
        IcdEntry.objects.search(q)
        times.append((time.perf_counter() - started) * 1000)
    cuts = statistics.quantiles(times, n=100)
    under = sum(t < 50 for t in times) / len(times)
    print(f"{connection.vendor}: {len(times)} queries over {count} entries")
    print(f"p50 {cuts[49]:.1f} ms  p95 {cuts[94]:.1f} ms  p99 {cuts[98]:.1f} ms  max {max(times):.1f} ms")
    print(f"{under:.0%} under 50 ms (target 95%)")


if __name__ == "__main__":
    main()
