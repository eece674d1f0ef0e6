"""Release of information: six requests for records, decided under the HIPAA Privacy Rule.

Every situation is invented. The rules cited are in 45 CFR Part 164, Subpart E (eCFR links in
SOURCES); the explanations are simplified for a first look, and state law can add to them.
"""

from worksamples.samples import Choice, Question, grade_choices

CHOICES = (
    Choice("release", "Release the records"),
    Choice("authorization", "Needs a signed authorization first"),
    Choice("refuse", "Refuse as asked (a proper legal request or the patient's consent is missing)"),
)

ECFR = "https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-E/section-"
SOURCES = {
    "164.502": f"{ECFR}164.502",
    "164.508": f"{ECFR}164.508",
    "164.512": f"{ECFR}164.512",
    "164.524": f"{ECFR}164.524",
}



def _cite(*sections: str) -> tuple[tuple[str, str], ...]:
    return tuple((f"45 CFR {s}", SOURCES[s]) for s in sections)


QUESTIONS = (
    Question(
        "patient",
        "A patient asks for their own records",
        "Dana Ortiz, 34, shows photo ID at the front desk and asks for a copy of her visit notes "
        "and lab results from last year.",
        "release",
        "People have a right to see and get copies of their own health information. A provider "
        "must disclose it to the individual (45 CFR 164.502(a)(2)(i)) under the right of access in "
        "164.524; checking identity first is good practice, and no authorization form is needed.",
        _cite("164.502", "164.524"),
    ),
    Question(
        "lawyer-signed",
        "A lawyer sends a signed authorization",
        "A law firm asks for Mr. Chen's emergency room records from March. Attached is a form Mr. "
        "Chen signed last week naming the firm, the records, the purpose, an expiry date and his "
        "right to revoke it.",
        "release",
        "A valid authorization has the core elements listed in 45 CFR 164.508(c): what will be "
        "disclosed, to whom, for what purpose, an expiry, the patient's signature and date, and "
        "the required statements. This one has them, so release what it names, and no more.",
        _cite("164.508"),
    ),
    Question(
        "lawyer-letter",
        "A lawyer sends only a letter",
        "Another firm writes that it represents Mr. Chen's employer in a dispute and asks for his "
        "records \"to evaluate the claim\". There is no court order, subpoena or form signed by Mr. "
        "Chen.",
        "authorization",
        "A letter is not a legal basis. For a purpose like this the patient must sign an "
        "authorization (45 CFR 164.508(a)); in a lawsuit a court order or a subpoena with the "
        "assurances described in 164.512(e) would be the other route.",
        _cite("164.508", "164.512"),
    ),
    Question(
        "parent-teen",
        "A parent asks about a teenager's confidential visit",
        "The mother of a 16-year-old asks for the notes of a visit her daughter consented to on her "
        "own, which state law lets minors do for this kind of care without a parent.",
        "authorization",
        "Parents are usually their child's personal representative, but not for care the minor "
        "lawfully consented to alone (45 CFR 164.502(g)(3)). Then it is the teenager's decision: "
        "ask for her authorization, and follow state law, which can differ.",
        _cite("164.502", "164.508"),
    ),
    Question(
        "public-health",
        "The state health department asks for a case report",
        "The state health department, which by law collects reports of certain infectious "
        "diseases, asks for the report on a patient diagnosed with one last week.",
        "release",
        "Disclosures to a public health authority that the law allows to collect them for "
        "preventing or controlling disease need no authorization (45 CFR 164.512(b)). Send the "
        "minimum necessary for the report (164.502(b)).",
        _cite("164.512", "164.502"),
    ),
    Question(
        "police-phone",
        "A police officer calls and asks for a full chart",
        "Someone who says he is a police detective phones and asks for a patient's whole record "
        "\"for an investigation\". He has no warrant, court order, subpoena or written request.",
        "refuse",
        "Disclosures to law enforcement are allowed only in the situations set out in 45 CFR "
        "164.512(f), such as a court order, warrant or subpoena, or limited facts to identify a "
        "suspect. A phone call asking for everything meets none of them: ask for the legal "
        "process in writing, and verify who is asking.",
        _cite("164.512"),
    ),
)


def grade(answers: dict):
    return grade_choices(QUESTIONS, CHOICES, answers)
