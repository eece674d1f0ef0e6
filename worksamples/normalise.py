"""Turn what people type as an ICD-10-CM code into the code set's spelling (pure Python)."""

import re

# A letter, a digit, then a digit or letter: the start of every category (A00, C7A, U07).
_CODE = re.compile(r"^[A-Z][0-9][0-9A-Z](?:\.?[0-9A-Z]{0,4})$")
_BLOCK = re.compile(r"^[A-Z][0-9][0-9A-Z]-[A-Z][0-9][0-9A-Z]$")
_CHAPTER = re.compile(r"^(?:[1-9]|1[0-9]|2[0-2])$")


def normalise_code(text: str) -> str:
    """'s62102a' -> 'S62.102A'; blocks ('a00-a09') and chapter numbers are kept as they are."""
    code = (text or "").strip().upper().replace(" ", "")
    if _BLOCK.match(code) or _CHAPTER.match(code):
        return code
    code = code.replace(".", "")
    return f"{code[:3]}.{code[3:]}" if len(code) > 3 else code


def looks_like_code(text: str) -> bool:
    code = (text or "").strip().upper().replace(" ", "")
    return bool(_CODE.match(code) or _BLOCK.match(code))
