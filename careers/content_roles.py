"""The Role row's column values, from one parsed role file."""

from __future__ import annotations

from careers.content_schema import spanish_keys
from careers.content_sync import interest_columns


def _flat(text: str) -> str:
    return " ".join(text.split())


def _dump(row) -> dict:
    """A nested row as JSON, without its empty X_es keys."""
    return {k: v for k, v in row.model_dump().items() if v or not k.endswith("_es")}


def role_values(row) -> dict:
    """Column values for m.Role (everything but the track, which the syncer resolves)."""
    entry = next(b for b in row.salary.bands if b.level == "entry")
    outlook = row.outlook
    return {
        "name": row.name,
        "name_es": row.name_es,
        "full_name": row.full_name,
        "full_name_es": row.full_name_es,
        "plural": row.plural or row.name.lower() + "s",
        "plural_es": row.plural_es,
        "order": row.order,
        "level": row.level,
        "summary": _flat(row.summary),
        "summary_es": _flat(row.summary_es),
        "typical_day": _flat(row.typical_day),
        "typical_day_es": _flat(row.typical_day_es),
        "tasks": row.tasks,
        "tasks_es": row.tasks_es,
        "settings": row.settings,
        "settings_es": row.settings_es,
        "pros": row.pros,
        "pros_es": row.pros_es,
        "cons": row.cons,
        "cons_es": row.cons_es,
        "checklist": row.checklist,
        "checklist_es": row.checklist_es,
        "remote_level": row.remote.level,
        "remote": row.remote.as_dict(),
        "patient_contact_level": row.patient_contact["level"],
        "patient_contact_text": str(row.patient_contact.get("text") or ""),
        "patient_contact_text_es": str(row.patient_contact.get("text_es") or ""),
        "entry_education": row.entry_education.level,
        "entry_education_fact": row.entry_education.as_dict(),
        "experience_months": row.experience.months if row.experience else 0,
        "experience_fact": row.experience.as_dict() if row.experience else {},
        "onet_code": row.onet.code or "",
        "onet_title": row.onet.title,
        "onet_title_es": row.onet.title_es,
        "onet_match": row.onet.match or "none",
        "onet_note": row.onet.note,
        "onet_note_es": row.onet.note_es,
        "crosswalk_note": _flat(row.crosswalk_note),
        "crosswalk_note_es": _flat(row.crosswalk_note_es),
        "interest_code": row.interests.from_code,
        **interest_columns(row.interests.scores),
        "holland_code": row.interests.holland,
        "interest_status": row.interests.status,
        "is_synthesis": row.interests.synthesis,
        "interest_note": row.interests.note,
        "interest_note_es": row.interests.note_es,
        "salary_basis": _flat(row.salary.basis),
        "salary_basis_es": _flat(row.salary.basis_es),
        "salary_history": [h.as_dict() for h in row.salary.history],
        "entry_salary": entry.amount,
        # Spanish names too, so a search in either language finds the role.
        "search_text": " | ".join([row.name, row.full_name, *filter(None, [row.name_es, row.full_name_es]), *row.aliases]).lower(),
        "outlook": outlook_dict(outlook) if outlook else {},
        "bright_outlook": bool(outlook and outlook.bright_outlook),
        "skills": [_dump(sk) for sk in row.skills],
        "tools": [_dump(t) for t in row.tools],
        "tech_change": {**row.tech_change.as_dict(), "as_of": row.tech_change.as_of} if row.tech_change else {},
    }


def outlook_dict(outlook) -> dict:
    return {
        **outlook.as_dict(),
        **spanish_keys(
            outlook,
            {
                "occupation": outlook.occupation,
                "period": outlook.period,
                "employment": outlook.employment,
                "change_pct": outlook.change_pct,
                "openings": outlook.openings,
                "parent_note": outlook.parent_note,
                "bright_outlook": outlook.bright_outlook,
            },
        ),
    }
