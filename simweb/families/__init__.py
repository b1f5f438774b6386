"""CMS families: URL schemes, list pages and detail markup (docs/ARCHITECTURE.md, "Family markup")."""
from __future__ import annotations

from simweb.families.base import Family
from simweb.families.generic import GenericFamily
from simweb.families.hanweb import HanwebFamily
from simweb.families.hanwebpost import HanwebPostFamily
from simweb.families.hunansearch import HunanSearchFamily
from simweb.families.jpaas import JpaasFamily
from simweb.families.legacy import LegacyFamily
from simweb.families.nfcms import NfcmsFamily
from simweb.families.spa import SpaFamily
from simweb.families.spadom import SpaDomFamily
from simweb.families.trs import TrsFamily
from simweb.families.ucap import UcapFamily
from simweb.families.ucapshell import UcapShellFamily
from simweb.portal_pages import PortalFamily

FAMILIES: dict[str, Family] = {f.name: f for f in (TrsFamily(), HanwebFamily(), UcapFamily(), NfcmsFamily(),
                                                   LegacyFamily(), GenericFamily(), JpaasFamily(),
                                                   HunanSearchFamily(), UcapShellFamily(), HanwebPostFamily(),
                                                   SpaFamily(), SpaDomFamily(), PortalFamily())}
