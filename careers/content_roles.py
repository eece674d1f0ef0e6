"""The Role row's column values, from one parsed role file."""

from __future__ import annotations

from careers.content_sync import interest_columns


def role_values(row) -> dict:
    """Column values for m.Role (everything but the track, which the syncer resolves)."""
    entry = next(b for b in row.salary.bands if b.level == "entry")
    outlook = row.outlook
    return {
        "name": row.name,
        "full_name": row.full_name,
        "plural": row.plural or row.name.lower() + "s",
        "order": row.order,
        "level": row.level,
        "summary": " ".join(row.summary.split()),
        "typical_day": " ".join(row.typical_day.split()),
        "tasks": row.tasks,
        "settings": row.settings,
        "pros": row.pros,
        "cons": row.cons,
        "checklist": row.checklist,
        "remote_level": row.remote.level,
        "remote": row.remote.as_dict(),
        "patient_contact_level": row.patient_contact["level"],
        "patient_contact_text": str(row.patient_contact.get("text") or ""),
        "entry_education": row.entry_education.level,
        "entry_education_fact": row.entry_education.as_dict(),
        "experience_months": row.experience.months if row.experience else 0,
        "experience_fact": row.experience.as_dict() if row.experience else {},
        "onet_code": row.onet.code or "",
        "onet_title": row.onet.title,
        "onet_match": row.onet.match or "none",
        "onet_note": row.onet.note,
        "crosswalk_note": " ".join(row.crosswalk_note.split()),
        "interest_code": row.interests.from_code,
        **interest_columns(row.interests.scores),
        "holland_code": row.interests.holland,
        "interest_status": row.interests.status,
        "is_synthesis": row.interests.synthesis,
        "interest_note": row.interests.note,
        "salary_basis": " ".join(row.salary.basis.split()),
        "salary_history": [h.as_dict() for h in row.salary.history],
        "entry_salary": entry.amount,
        "search_text": " | ".join([row.name, row.full_name, *row.aliases]).lower(),
        "outlook": outlook_dict(outlook) if outlook else {},
        "bright_outlook": bool(outlook and outlook.bright_outlook),
        "skills": [sk.model_dump() for sk in row.skills],
        "tools": [t.model_dump() for t in row.tools],
        "tech_change": {**row.tech_change.as_dict(), "as_of": row.tech_change.as_of} if row.tech_change else {},
    }


def outlook_dict(outlook) -> dict:
    return {
        **outlook.as_dict(),
        "occupation": outlook.occupation,
        "period": outlook.period,
        "employment": outlook.employment,
        "change_pct": outlook.change_pct,
        "openings": outlook.openings,
        "parent_note": outlook.parent_note,
        "bright_outlook": outlook.bright_outlook,
    }
