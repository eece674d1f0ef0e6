"""Release of information: six requests for records, decided under the HIPAA Privacy Rule.

Every situation is invented. The rules cited are in 45 CFR Part 164, Subpart E (eCFR links in
SOURCES); the explanations are simplified for a first look, and state law can add to them.
"""

from worksamples.samples import Choice, Question, bi, grade_choices

CHOICES = (
    Choice("release", bi("Release the records", "Entregar los expedientes")),
    Choice("authorization", bi("Needs a signed authorization first", "Primero hace falta una autorización firmada")),
    Choice("refuse", bi("Refuse as asked (a proper legal request or the patient's consent is missing)",
                        "Rechazar la solicitud tal como llegó (falta una solicitud legal válida o el consentimiento del paciente)")),
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
        bi("A patient asks for their own records", "Una paciente pide sus propios expedientes"),
        bi("Dana Ortiz, 34, shows photo ID at the front desk and asks for a copy of her visit notes "
           "and lab results from last year.",
           "Dana Ortiz, de 34 años, muestra una identificación con foto en la recepción y pide una copia "
           "de sus notas de consulta y de sus resultados de laboratorio del año pasado."),
        "release",
        bi("People have a right to see and get copies of their own health information. A provider "
           "must disclose it to the individual (45 CFR 164.502(a)(2)(i)) under the right of access in "
           "164.524; checking identity first is good practice, and no authorization form is needed.",
           "Las personas tienen derecho a ver su propia información de salud y a recibir copias. Un "
           "proveedor debe entregársela a la persona (45 CFR 164.502(a)(2)(i)) por el derecho de acceso "
           "de 164.524. Es buena práctica revisar primero su identidad, y no hace falta ningún "
           "formulario de autorización."),
        _cite("164.502", "164.524"),
    ),
    Question(
        "lawyer-signed",
        bi("A lawyer sends a signed authorization", "Un abogado envía una autorización firmada"),
        bi("A law firm asks for Mr. Chen's emergency room records from March. Attached is a form Mr. "
           "Chen signed last week naming the firm, the records, the purpose, an expiry date and his "
           "right to revoke it.",
           "Un despacho de abogados pide los expedientes de urgencias del Sr. Chen de marzo. Adjunta un "
           "formulario que el Sr. Chen firmó la semana pasada. Dice el nombre del despacho, qué "
           "expedientes, para qué, una fecha de vencimiento y su derecho a cancelarlo."),
        "release",
        bi("A valid authorization has the core elements listed in 45 CFR 164.508(c): what will be "
           "disclosed, to whom, for what purpose, an expiry, the patient's signature and date, and "
           "the required statements. This one has them, so release what it names, and no more.",
           "Una autorización válida tiene los elementos básicos de 45 CFR 164.508(c): qué se va a "
           "entregar, a quién, para qué, cuándo vence, la firma y la fecha del paciente, y las "
           "declaraciones obligatorias. Esta los tiene, así que entrega lo que nombra, y nada más."),
        _cite("164.508"),
    ),
    Question(
        "lawyer-letter",
        bi("A lawyer sends only a letter", "Un abogado envía solo una carta"),
        bi("Another firm writes that it represents Mr. Chen's employer in a dispute and asks for his "
           "records \"to evaluate the claim\". There is no court order, subpoena or form signed by Mr. "
           "Chen.",
           "Otro despacho escribe que representa al empleador del Sr. Chen en un conflicto y pide sus "
           "expedientes \"para evaluar el reclamo\". No hay orden judicial, citatorio (subpoena) ni "
           "formulario firmado por el Sr. Chen."),
        "authorization",
        bi("A letter is not a legal basis. For a purpose like this the patient must sign an "
           "authorization (45 CFR 164.508(a)); in a lawsuit a court order or a subpoena with the "
           "assurances described in 164.512(e) would be the other route.",
           "Una carta no es una base legal. Para algo así, el paciente debe firmar una autorización "
           "(45 CFR 164.508(a)). En una demanda, el otro camino sería una orden judicial o un "
           "citatorio (subpoena) con las garantías que describe 164.512(e)."),
        _cite("164.508", "164.512"),
    ),
    Question(
        "parent-teen",
        bi("A parent asks about a teenager's confidential visit",
           "Una madre pregunta por la consulta confidencial de su hija adolescente"),
        bi("The mother of a 16-year-old asks for the notes of a visit her daughter consented to on her "
           "own, which state law lets minors do for this kind of care without a parent.",
           "La madre de una joven de 16 años pide las notas de una consulta que su hija aceptó por su "
           "cuenta. Para este tipo de atención, la ley del estado permite que los menores lo hagan sin "
           "sus padres."),
        "authorization",
        bi("Parents are usually their child's personal representative, but not for care the minor "
           "lawfully consented to alone (45 CFR 164.502(g)(3)). Then it is the teenager's decision: "
           "ask for her authorization, and follow state law, which can differ.",
           "Los padres suelen ser los representantes personales de sus hijos, pero no para la atención "
           "que el menor aceptó solo, como lo permite la ley (45 CFR 164.502(g)(3)). En ese caso decide la "
           "adolescente: pídele su autorización y sigue la ley del estado, que puede ser distinta."),
        _cite("164.502", "164.508"),
    ),
    Question(
        "public-health",
        bi("The state health department asks for a case report",
           "El departamento de salud del estado pide un reporte de caso"),
        bi("The state health department, which by law collects reports of certain infectious "
           "diseases, asks for the report on a patient diagnosed with one last week.",
           "El departamento de salud del estado, que por ley recibe reportes de ciertas enfermedades "
           "infecciosas, pide el reporte de un paciente que recibió ese diagnóstico la semana pasada."),
        "release",
        bi("Disclosures to a public health authority that the law allows to collect them for "
           "preventing or controlling disease need no authorization (45 CFR 164.512(b)). Send the "
           "minimum necessary for the report (164.502(b)).",
           "No hace falta autorización para entregar información a una autoridad de salud pública "
           "que, por ley, puede recibirla para prevenir o controlar enfermedades (45 CFR 164.512(b)). "
           "Envía solo lo mínimo necesario para el reporte (164.502(b))."),
        _cite("164.512", "164.502"),
    ),
    Question(
        "police-phone",
        bi("A police officer calls and asks for a full chart",
           "Un policía llama y pide un expediente completo"),
        bi("Someone who says he is a police detective phones and asks for a patient's whole record "
           "\"for an investigation\". He has no warrant, court order, subpoena or written request.",
           "Alguien que dice ser detective de la policía llama por teléfono y pide todo el expediente "
           "de un paciente \"para una investigación\". No tiene orden de cateo (warrant), orden "
           "judicial, citatorio (subpoena) ni solicitud por escrito."),
        "refuse",
        bi("Disclosures to law enforcement are allowed only in the situations set out in 45 CFR "
           "164.512(f), such as a court order, warrant or subpoena, or limited facts to identify a "
           "suspect. A phone call asking for everything meets none of them: ask for the legal "
           "process in writing, and verify who is asking.",
           "Solo se puede entregar información a la policía en las situaciones de 45 CFR 164.512(f), "
           "como una orden judicial, una orden de cateo o un citatorio, o unos pocos datos para "
           "identificar a un sospechoso. Una llamada que pide todo no cumple ninguna: pide el "
           "trámite legal por escrito y verifica quién lo pide."),
        _cite("164.512"),
    ),
)


def grade(answers: dict):
    return grade_choices(QUESTIONS, CHOICES, answers)
