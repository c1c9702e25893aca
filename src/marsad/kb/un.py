"""Import the UN Security Council Consolidated Sanctions List (XML): individuals and entities, aliases with
their quality, original-script names, reference numbers and list types."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from marsad.errors import ConfigError
from marsad.model import Alias, Entity, EntityType
from marsad.text.script import has_arabic

_NAME_PARTS = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
SOURCE = "UN Security Council Consolidated List"


def _text(el: etree._Element, tag: str) -> str:
    return " ".join((el.findtext(tag) or "").split())


def _display(name: str) -> str:
    """UN names are often in capitals: 'AL-QAIDA IN IRAQ' -> 'Al-Qaida In Iraq'; mixed case is kept."""
    if name.isupper() and (len(name) > 5 or " " in name or "-" in name):
        return name.title()
    return name  # mixed case, or an acronym such as AQI


def parse_un_list(path: str | Path, list_type: str | None = None) -> list[Entity]:
    """Parse the whole file first: a malformed file raises ConfigError and nothing is imported."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
    try:
        root = etree.parse(str(path), parser).getroot()
    except (OSError, etree.XMLSyntaxError) as exc:
        raise ConfigError(f"{path}: not a readable UN consolidated list ({exc})") from None
    if root.tag != "CONSOLIDATED_LIST" or root.find("INDIVIDUALS") is None:
        raise ConfigError(f"{path}: not a UN consolidated list (root <{root.tag}>, no <INDIVIDUALS>)")
    out: list[Entity] = []
    for group, tag, kind in (
        ("INDIVIDUALS", "INDIVIDUAL", EntityType.PERSON),
        ("ENTITIES", "ENTITY", EntityType.ORGANIZATION),
    ):
        for el in root.find(group) if root.find(group) is not None else []:
            if el.tag != tag:
                continue
            regime = _text(el, "UN_LIST_TYPE")
            if list_type and regime.lower() != list_type.lower():
                continue
            entity = _entity(el, kind, tag, regime)
            if entity is not None:
                out.append(entity)
    return out


def _entity(el: etree._Element, kind: EntityType, tag: str, regime: str) -> Entity | None:
    name = " ".join(p for p in (_text(el, t) for t in _NAME_PARTS) if p)
    reference = _text(el, "REFERENCE_NUMBER")
    if not name or not reference:
        return None
    aliases = [Alias(_display(name), "latin", source=f"{SOURCE} (name)")]
    original = _text(el, "NAME_ORIGINAL_SCRIPT")
    if original:
        aliases.append(
            Alias(
                original,
                "arabic" if has_arabic(original) else "other",
                source=f"{SOURCE} (original script)",
            )
        )
    for alias in el.findall(f"{tag}_ALIAS"):
        alias_name = _text(alias, "ALIAS_NAME")
        quality = _text(alias, "QUALITY") or "unknown"
        if alias_name:
            script = "arabic" if has_arabic(alias_name) else "latin"
            aliases.append(Alias(_display(alias_name), script, source=f"{SOURCE} (alias, quality {quality})"))
    unique = tuple({a.name: a for a in aliases}.values())
    return Entity(kind, _display(name), unique, (), {"UN": reference, "UN_LIST_TYPE": regime}, id=f"un:{reference}")
