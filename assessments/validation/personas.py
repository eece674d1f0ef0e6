"""Personas written from the role descriptions in the shared fact sheet (him_facts.md, section 4):
what someone who would enjoy each job might answer, with the first match we expect and the
matches we accept in their top three. Answers are given per RIASEC letter and per facet; every
statement of that letter or facet gets the answer (the training question gets ``training``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from assessments.validation.content import Bank
from core.vocabulary import TRAINING

#: Who likes what, in short: interests R I A S E C, then the facets named (others 3).
_QUIET = {"R": 2, "I": 4, "A": 1, "S": 2, "E": 1, "C": 5}


@dataclass(frozen=True)
class Persona:
    name: str
    story: str
    expected: str
    acceptable: frozenset[str]
    interests: dict[str, int]
    facets: dict[str, int]
    training: int
    default: int = 3
    notes: list[str] = field(default_factory=list)

    def answers(self, bank: Bank) -> dict[str, int]:
        out = {}
        for key, codes in bank.codes_by_key.items():
            value = self.training if key == TRAINING else self.interests.get(key, self.facets.get(key, self.default))
            out.update(dict.fromkeys(codes, value))
        return out


def _p(name, story, expected, also, interests, facets, training):
    return Persona(name, story, expected, frozenset({expected, *also}), interests, facets, training)


PERSONAS: tuple[Persona, ...] = (
    _p("Ana", "Wants to start coding clinic visits from home after a short course; no patients, please.", "medical-coder",
       {"risk-adjustment-coder", "medical-biller", "health-information-technician", "release-of-information-specialist"}, _QUIET,
       {"patient_contact": 1, "clinician_contact": 2, "clinical_detail": 4, "remote_work": 5, "leading_people": 1, "data_analysis": 2, "auditing": 2}, 2),
    _p("Ben", "Loves long, complex hospital records and can study two years for the RHIT.", "inpatient-coder",
       {"cdi-specialist", "medical-coder", "risk-adjustment-coder", "cancer-registrar"}, _QUIET,
       {"patient_contact": 1, "clinical_detail": 5, "clinician_contact": 3, "remote_work": 5, "leading_people": 1, "auditing": 2, "payer_finance": 3}, 4),
    _p("Cleo", "Likes judging whether chronic conditions are supported, and how that drives a plan's payment.", "risk-adjustment-coder",
       {"medical-coder", "inpatient-coder", "coding-auditor", "health-information-technician"}, _QUIET,
       {"patient_contact": 1, "clinical_detail": 4, "payer_finance": 4, "auditing": 4, "remote_work": 5, "leading_people": 1, "technology_systems": 2}, 4),
    _p("Dev", "Wants to chase unpaid claims and fix denials; medicine itself is not his thing.", "medical-biller",
       {"revenue-cycle-analyst", "patient-access-representative", "medical-secretary", "release-of-information-specialist"}, {"R": 2, "I": 2, "A": 1, "S": 2, "E": 3, "C": 5},
       {"payer_finance": 5, "clinical_detail": 2, "clinician_contact": 1, "patient_contact": 2, "data_analysis": 2, "research_registry": 1, "technology_systems": 2}, 1),
    _p("Eva", "Likes spotting patterns in denial data and building dashboards, from home.", "revenue-cycle-analyst",
       {"healthcare-data-analyst", "medical-biller", "coding-auditor"}, {"R": 1, "I": 4, "A": 1, "S": 2, "E": 4, "C": 5},
       {"payer_finance": 5, "data_analysis": 5, "auditing": 4, "remote_work": 5, "patient_contact": 1, "clinical_detail": 2, "leading_people": 3}, 5),
    _p("Femi", "Enjoys greeting people, checking their insurance and explaining what they owe.", "patient-access-representative",
       {"medical-secretary", "medical-biller", "release-of-information-specialist"}, {"R": 2, "I": 3, "A": 2, "S": 5, "E": 3, "C": 4},
       {"patient_contact": 5, "payer_finance": 4, "remote_work": 1, "clinical_detail": 1, "technology_systems": 1, "data_analysis": 1, "research_registry": 1}, 1),
    _p("Gus", "Wants to run a clinic's front office: phones, schedules and passing messages to the doctors.", "medical-secretary",
       {"patient-access-representative", "release-of-information-specialist"}, {"R": 2, "I": 2, "A": 2, "S": 4, "E": 3, "C": 5},
       {"patient_contact": 5, "clinician_contact": 4, "payer_finance": 2, "data_analysis": 1, "technology_systems": 1, "research_registry": 1, "auditing": 1, "remote_work": 1}, 1),
    _p("Hana", "Likes keeping records complete and correct: chasing signatures, merging duplicates, checking charts.", "health-information-technician",
       {"release-of-information-specialist", "medical-coder"}, _QUIET,
       {"auditing": 4, "clinician_contact": 4, "technology_systems": 3, "privacy_legal": 3, "clinical_detail": 3, "payer_finance": 1, "leading_people": 1, "patient_contact": 2}, 2),
    _p("Ivo", "Wants to decide who may see a record under the law, and send out only what is allowed.", "release-of-information-specialist",
       {"health-information-technician", "privacy-officer", "medical-secretary"}, _QUIET,
       {"privacy_legal": 5, "auditing": 3, "clinical_detail": 2, "payer_finance": 1, "data_analysis": 1, "clinician_contact": 1, "leading_people": 1}, 1),
    _p("Jo", "Fascinated by cancer cases; would gladly abstract and follow up patients for a registry.", "cancer-registrar",
       {"public-health-registrar", "inpatient-coder"}, {"R": 2, "I": 5, "A": 1, "S": 3, "E": 1, "C": 5},
       {"research_registry": 5, "clinical_detail": 5, "data_analysis": 3, "payer_finance": 1, "leading_people": 1, "technology_systems": 2}, 4),
    _p("Kai", "Interested in public health counts and trends from trauma and disease registries.", "public-health-registrar",
       {"cancer-registrar", "healthcare-data-analyst"}, {"R": 2, "I": 5, "A": 1, "S": 2, "E": 1, "C": 5},
       {"research_registry": 5, "data_analysis": 4, "privacy_legal": 3, "clinical_detail": 3, "payer_finance": 1, "patient_contact": 1, "leading_people": 1}, 4),
    _p("Lena", "A nurse at heart who wants to work with doctors so their notes tell the whole story.", "cdi-specialist",
       {"inpatient-coder", "clinical-informatics-analyst"}, {"R": 2, "I": 5, "A": 1, "S": 4, "E": 2, "C": 4},
       {"clinician_contact": 5, "clinical_detail": 5, "payer_finance": 3, "patient_contact": 1, "technology_systems": 2, "research_registry": 1}, 5),
    _p("Milo", "Likes reviewing other coders' work against the rules and writing up what to fix.", "coding-auditor",
       {"risk-adjustment-coder", "coding-manager", "privacy-officer", "revenue-cycle-analyst"}, {"R": 1, "I": 4, "A": 1, "S": 2, "E": 3, "C": 5},
       {"auditing": 5, "clinical_detail": 4, "payer_finance": 4, "privacy_legal": 4, "remote_work": 5, "patient_contact": 1, "research_registry": 1}, 5),
    _p("Nora", "Wants to lead a team of coders: schedules, quality checks and training.", "coding-manager",
       {"him-director", "coding-auditor", "privacy-officer"}, {"R": 1, "I": 3, "A": 1, "S": 3, "E": 5, "C": 5},
       {"leading_people": 5, "auditing": 4, "clinical_detail": 3, "payer_finance": 3, "patient_contact": 1, "research_registry": 1, "technology_systems": 2}, 5),
    _p("Omar", "Sees himself running the whole health information department.", "him-director",
       {"coding-manager", "privacy-officer"}, {"R": 1, "I": 3, "A": 1, "S": 4, "E": 5, "C": 4},
       {"leading_people": 5, "privacy_legal": 4, "payer_finance": 3, "clinician_contact": 3, "remote_work": 2, "research_registry": 1, "clinical_detail": 2}, 5),
    _p("Pia", "Loves making hospital software fit how doctors and nurses really work.", "clinical-informatics-analyst",
       {"ehr-analyst", "cdi-specialist"}, {"R": 2, "I": 5, "A": 2, "S": 4, "E": 2, "C": 3},
       {"technology_systems": 5, "clinical_detail": 4, "clinician_contact": 4, "leading_people": 3, "payer_finance": 1, "patient_contact": 1, "research_registry": 1}, 5),
    _p("Quinn", "Wants to write database queries and turn quality data into reports, from home.", "healthcare-data-analyst",
       {"revenue-cycle-analyst", "public-health-registrar", "cdi-specialist"}, {"R": 2, "I": 5, "A": 1, "S": 2, "E": 2, "C": 4},
       {"data_analysis": 5, "remote_work": 5, "technology_systems": 3, "research_registry": 3, "patient_contact": 1, "privacy_legal": 2, "leading_people": 2}, 5),
    _p("Rosa", "Likes building and testing screens in the health record system, less so the medicine.", "ehr-analyst",
       {"clinical-informatics-analyst", "health-information-technician"}, {"R": 3, "I": 5, "A": 2, "S": 2, "E": 2, "C": 4},
       {"technology_systems": 5, "auditing": 3, "clinical_detail": 2, "data_analysis": 2, "patient_contact": 1, "research_registry": 1, "payer_finance": 2}, 5),
    _p("Sam", "Wants to be the one who makes sure patient privacy is protected across a hospital.", "privacy-officer",
       {"release-of-information-specialist", "him-director", "coding-auditor", "coding-manager"}, {"R": 1, "I": 3, "A": 1, "S": 3, "E": 4, "C": 5},
       {"privacy_legal": 5, "auditing": 4, "leading_people": 4, "clinical_detail": 1, "payer_finance": 1, "research_registry": 1, "data_analysis": 2}, 5),
)
