"""CMS families: URL schemes, list pages and detail markup (docs/ARCHITECTURE.md, "Family markup")."""
from __future__ import annotations

from simweb.families.base import Family
from simweb.families.generic import GenericFamily
from simweb.families.hanweb import HanwebFamily
from simweb.families.legacy import LegacyFamily
from simweb.families.nfcms import NfcmsFamily
from simweb.families.trs import TrsFamily
from simweb.families.ucap import UcapFamily

FAMILIES: dict[str, Family] = {f.name: f for f in (TrsFamily(), HanwebFamily(), UcapFamily(), NfcmsFamily(),
                                                   LegacyFamily(), GenericFamily())}
