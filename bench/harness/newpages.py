"""The pages that came after issue 6: the work samples, the ICD-10-CM search, the career map.

Found by walking, like the others (``discover_new_pages``), and the ICD-10-CM search measured
twice: under load like every page type, and one query at a time over ~200 realistic searches
(``icd_latency``: p50/p95/p99 and the share under 50 ms, the issue's bar).
"""

from __future__ import annotations

import statistics
import time
from urllib.parse import quote

from harness.common import Req, http_fetch

ICD_SEARCH = "/api/v1/icd10cm/search?q="
ICD_BAR_MS = 50.0
ICD_BAR_SHARE = 0.95

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


def icd_queries() -> list[str]:
    """~200 searches a student might type: conditions, codes, single words, capitals."""
    out = list(CONDITIONS) + CODES
    out += [q.split()[0] for q in CONDITIONS[:50]]  # one-word searches, the broadest
    out += [q.upper() for q in CONDITIONS[:40]]
    return out[:200]


def discover_new_pages(walk) -> None:
    """Work samples (the index, the first sample, the coding sample with a search), the ICD-10-CM
    search API and the career map; each is 'not available' when it answers 404."""
    index = walk.get("try_index", "/try/")
    if index is not None:
        from harness.discovery import links_in

        samples = links_in(index.body.decode(), "/try/", {"done"})
        first = "coding" if "coding" in samples else (samples[0] if samples else None)
        if first:
            walk.notes["try_sample"] = first
            walk.get("try_sample", f"/try/{first}/")
        else:
            walk.missing["try_sample"] = "no work sample linked from /try/"
        if "coding" in samples:
            walk.get("try_search", "/try/coding/?q=" + quote("fracture of left wrist"))
        else:
            walk.missing["try_search"] = "no coding sample linked from /try/"
    else:
        for key in ("try_sample", "try_search"):
            walk.missing[key] = walk.missing["try_index"]
    resp = walk.get("icd_search", ICD_SEARCH + quote("fracture of left wrist"))
    if resp is not None and b'"results":[]' in resp.body.replace(b" ", b""):
        walk.missing["icd_search"] = "the ICD-10-CM code set is not loaded (no results)"
        del walk.reqs["icd_search"]
    walk.get("career_map", "/career-map/")


def icd_latency(port: int) -> dict:
    """Each search once, one at a time, as a student types it: latency as the client sees it."""
    times, errors = [], 0
    for q in icd_queries():
        started = time.perf_counter()
        resp = http_fetch(port, Req("GET", ICD_SEARCH + quote(q)))
        times.append((time.perf_counter() - started) * 1000)
        errors += resp.status != 200
    cuts = statistics.quantiles(times, n=100)
    share = sum(t < ICD_BAR_MS for t in times) / len(times)
    return {
        "searches": len(times), "errors": errors, "p50_ms": round(cuts[49], 1), "p95_ms": round(cuts[94], 1),
        "p99_ms": round(cuts[98], 1), "max_ms": round(max(times), 1), "share_under_50_ms": round(share, 3),
    }
